import { toYaml } from '../k8s/yaml';
import type { Cluster, Topology } from '../model';

/**
 * The topology as a version-1 file: every top-level key explicit, each cluster with only what it overrides.
 * `parseTopology(serializeTopology(t))` gives back `t`; the bundle's topology.yaml, the designer's Export and
 * its YAML tab all use this.
 */
export function serializeTopology(topology: Topology): string {
  return toYaml(topologyData(topology), FLOW);
}

/** Short things read best on one line: positions, resource lists, users, gateway pairs, other workloads. */
const FLOW = { keys: new Set(['position', 'requests', 'limits', 'users']), itemsOf: new Set(['gateways', 'otherWorkloads']) };

function clusterEntry(c: Cluster): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, region: c.region, zone: c.zone, position: { x: c.position.x, y: c.position.y } };
  if (c.replicas !== undefined) out.replicas = c.replicas;
  if (c.resources && (c.resources.requests || c.resources.limits)) {
    const res: Record<string, unknown> = {};
    if (c.resources.requests) res.requests = { ...c.resources.requests };
    if (c.resources.limits) res.limits = { ...c.resources.limits };
    out.resources = res;
  }
  if (c.jetstream && Object.keys(c.jetstream).length > 0) out.jetstream = { ...c.jetstream };
  return out;
}

/** The topology as plain file-shaped data (what the file and share links carry), keys in file order. */
export function topologyData(topology: Topology): Record<string, unknown> {
  return {
    version: topology.version,
    name: topology.name,
    namespace: topology.namespace,
    clusterDomain: topology.clusterDomain,
    image: topology.image,
    jetstream: { enabled: topology.jetstream.enabled, domain: topology.jetstream.domain },
    accounts: topology.accounts.map((a) => ({ name: a.name, jetstream: a.jetstream, users: [...a.users] })),
    defaults: topology.defaults,
    clusters: topology.clusters.map(clusterEntry),
    gateways: topology.gateways.map(([a, b]) => [a, b]),
    kind: topology.kind,
  };
}
