import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_CLUSTER_SETTINGS, DEFAULT_IMAGE, PROVIDERS } from '../../src/core/defaults';
import type { Cluster, Topology } from '../../src/core/model';

/** Gateway links between a shape's clusters. */
export type Links = 'none' | 'mesh' | 'chain' | 'star';

export interface ShapeSpec {
  id: string;
  clusters: number;
  replicas: number;
  links: Links;
  /** One JetStream domain for the supercluster, or none. */
  domain: string | null;
}

/**
 * The shapes the issue asks to boot: 1×1, 1×3, 2×1, 2×3, 3×3 full mesh, a 4-cluster chain (a-b, b-c, c-d) and
 * 5×3 (a star around a: every conf still names all five clusters). Three have a JetStream domain (1×1: a standalone server).
 */
export const SHAPES: ShapeSpec[] = [
  { id: '1x1', clusters: 1, replicas: 1, links: 'none', domain: 'edge' },
  { id: '1x3', clusters: 1, replicas: 3, links: 'none', domain: null },
  { id: '2x1', clusters: 2, replicas: 1, links: 'mesh', domain: null },
  { id: '2x3', clusters: 2, replicas: 3, links: 'mesh', domain: 'hub' },
  { id: '3x3-mesh', clusters: 3, replicas: 3, links: 'mesh', domain: null },
  { id: '4x2-chain', clusters: 4, replicas: 2, links: 'chain', domain: null },
  { id: '5x3-star', clusters: 5, replicas: 3, links: 'star', domain: 'hub' },
];

const NAMES = 'abcdefghijklmnopqrstuvwxyz'.split('');

function links(names: string[], kind: Links): [string, string][] {
  switch (kind) {
    case 'none':
      return [];
    case 'mesh':
      return names.flatMap((a, i) => names.slice(i + 1).map((b): [string, string] => [a, b]));
    case 'chain':
      return names.slice(1).map((b, i): [string, string] => [names[i], b]);
    case 'star':
      return names.slice(1).map((b): [string, string] => [names[0], b]);
  }
}

/**
 * A small topology of the given shape: JetStream on (64Mi memory, 256Mi file per server, so nothing claims the
 * machine), an account APP with JetStream and two users, and an account OPS without JetStream.
 */
export function shapeTopology(spec: ShapeSpec): Topology {
  const names = NAMES.slice(0, spec.clusters);
  const p = PROVIDERS.podman;
  const clusters: Cluster[] = names.map((name, i) => ({ name, region: null, zone: null, position: { x: i * 300, y: 0 } }));
  return {
    version: 1,
    name: `shape-${spec.id}`,
    namespace: `shape-${spec.id}`,
    clusterDomain: DEFAULT_CLUSTER_DOMAIN,
    image: DEFAULT_IMAGE,
    jetstream: { enabled: true, domain: spec.domain },
    accounts: [
      { name: 'APP', jetstream: true, users: ['app', 'app-reader'] },
      { name: 'OPS', jetstream: false, users: ['ops'] },
    ],
    defaults: {
      replicas: spec.replicas,
      resources: {
        requests: { ...DEFAULT_CLUSTER_SETTINGS.resources.requests },
        limits: { ...DEFAULT_CLUSTER_SETTINGS.resources.limits },
      },
      jetstream: { memoryStore: '64Mi', fileStore: '256Mi', volumeSize: '1Gi', storageClass: null },
      tls: { ...DEFAULT_CLUSTER_SETTINGS.tls },
    },
    clusters,
    gateways: links(names, spec.links),
    kind: { provider: 'podman', cpus: p.cpus, memory: p.memory, disk: p.disk, workers: 0, otherWorkloads: [] },
  };
}
