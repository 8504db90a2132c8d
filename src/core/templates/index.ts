import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_CLUSTER_SETTINGS, DEFAULT_IMAGE, PROVIDERS } from '../defaults';
import type { Cluster, KindEnvironment, Topology } from '../model';

/** A built-in starting point, offered by `nats-topology templates` and the designer's Templates menu. */
export interface Template {
  id: string;
  title: string;
  description: string;
  topology: () => Topology;
}

function kindEnv(over: Partial<KindEnvironment> = {}): KindEnvironment {
  const p = PROVIDERS.podman;
  return { provider: 'podman', cpus: p.cpus, memory: p.memory, disk: p.disk, workers: 0, otherWorkloads: [], ...over };
}

function base(name: string, namespace: string): Omit<Topology, 'clusters' | 'gateways'> {
  return {
    version: 1,
    name,
    namespace,
    clusterDomain: DEFAULT_CLUSTER_DOMAIN,
    image: DEFAULT_IMAGE,
    jetstream: { enabled: true, domain: null },
    accounts: [],
    defaults: {
      replicas: DEFAULT_CLUSTER_SETTINGS.replicas,
      resources: {
        requests: { ...DEFAULT_CLUSTER_SETTINGS.resources.requests },
        limits: { ...DEFAULT_CLUSTER_SETTINGS.resources.limits },
      },
      jetstream: { ...DEFAULT_CLUSTER_SETTINGS.jetstream },
      tls: { ...DEFAULT_CLUSTER_SETTINGS.tls },
    },
    kind: kindEnv(),
  };
}

function cluster(name: string, x: number, y: number, region: string | null = null, extra: Partial<Cluster> = {}): Cluster {
  return { name, region, zone: null, position: { x, y }, ...extra };
}

/** Every pair of the given names: a full gateway mesh. */
function mesh(names: string[]): [string, string][] {
  const out: [string, string][] = [];
  names.forEach((a, i) => names.slice(i + 1).forEach((b) => out.push([a, b])));
  return out;
}

/**
 * The NoETL 2×3 supercluster (seed 000) with its bugs fixed: one JetStream domain instead of one per cluster,
 * a pinned image, passwords in a Secret, headroom between the file store and its volume, no region in selectors.
 */
function noetl(): Topology {
  return {
    ...base('noetl-supercluster', 'nats-supercluster'),
    accounts: [{ name: 'NOETL', jetstream: true, users: ['noetl'] }],
    kind: kindEnv({
      cpus: 4,
      memory: '8Gi',
      otherWorkloads: [{ name: 'noetl-core', replicas: 1, requests: { cpu: '1300m', memory: '1824Mi' }, limits: { cpu: '6200m', memory: '8320Mi' } }],
    }),
    clusters: [cluster('a', 0, 0, 'us-east-1'), cluster('b', 420, 0, 'us-west-2')],
    gateways: [['a', 'b']],
  };
}

/** One 3-server JetStream cluster sized like the production Helm values of seed 003. */
function single(): Topology {
  const t = base('nats-js', 'nats');
  t.defaults.resources = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '1Gi' } };
  t.defaults.jetstream = { memoryStore: '256Mi', fileStore: '8Gi', volumeSize: '10Gi', storageClass: null };
  return { ...t, kind: kindEnv({ memory: '4Gi' }), clusters: [cluster('main', 0, 0)], gateways: [] };
}

/** The 5-server cluster of seed 004, with requests equal to limits as the chart advises. */
function five(): Topology {
  const t = base('nats-js5', 'nats');
  t.defaults.replicas = 5;
  t.defaults.resources = { requests: { cpu: '300m', memory: '600Mi' }, limits: { cpu: '300m', memory: '600Mi' } };
  t.defaults.jetstream = { memoryStore: '128Mi', fileStore: '1Gi', volumeSize: '2Gi', storageClass: null };
  return { ...t, kind: kindEnv({ memory: '8Gi' }), clusters: [cluster('example', 0, 0)], gateways: [] };
}

/** Three regions, fully meshed, one JetStream domain. */
function threeRegion(): Topology {
  const t = base('global', 'nats-global');
  t.jetstream.domain = 'global';
  t.accounts = [{ name: 'APP', jetstream: true, users: ['app'] }];
  t.defaults.resources = { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } };
  t.defaults.jetstream = { memoryStore: '256Mi', fileStore: '2Gi', volumeSize: '3Gi', storageClass: null };
  const clusters = [cluster('us-east', 0, 0, 'us-east-1'), cluster('eu-west', 420, 0, 'eu-west-1'), cluster('ap-south', 210, 320, 'ap-south-1')];
  return { ...t, kind: kindEnv({ cpus: 6, memory: '12Gi' }), clusters, gateways: mesh(clusters.map((c) => c.name)) };
}

/**
 * Two single-server clusters joined by a gateway: the gateway mesh on podman's default VM (2 GiB, 736Mi usable by
 * pods), lint-clean there. JetStream is off: one-server clusters give it no quorum to survive anything, and its memory
 * store would not fit. Sized against the budget: requests 290 + 2 × 128 = 546Mi (74% of the usable memory, under
 * H1w's 80%), limits 390 + 2 × 128 = 646Mi (under it, so no H3).
 */
function light(): Topology {
  const t = base('nats-light', 'nats-light');
  t.jetstream = { enabled: false, domain: null };
  t.defaults.replicas = 1;
  t.defaults.resources = { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '128Mi' } };
  t.defaults.jetstream = { memoryStore: '32Mi', fileStore: '512Mi', volumeSize: '1Gi', storageClass: null };
  return { ...t, clusters: [cluster('a', 0, 0), cluster('b', 420, 0)], gateways: [['a', 'b']] };
}

/**
 * Three regions, each its own Kubernetes cluster (kube context) reached by its peers at a LoadBalancer's DNS name,
 * fully meshed; TLS on every protocol, server auth, NetworkPolicies and restricted pods, the exporter and nats-box on;
 * and a leaf cluster `edge` with its own JetStream domain in `us-east`'s Kubernetes cluster, hanging off it. The
 * addresses are under `example.com` (reserved): replace them with your load balancers' names. Not meant for one kind
 * VM: the budget checks the first kube context only (K1), sized here for us-east with edge. Edge has one server (an
 * edge box), so the lint warns that its JetStream has no quorum: expected there.
 */
function multiRegion(): Topology {
  const t = base('multi-region', 'nats');
  t.jetstream.domain = 'global';
  t.accounts = [{ name: 'APP', jetstream: true, users: ['app'] }];
  t.defaults.resources = { requests: { cpu: '200m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } };
  t.defaults.jetstream = { memoryStore: '256Mi', fileStore: '2Gi', volumeSize: '3Gi', storageClass: null };
  t.defaults.tls = { clients: true, routes: true, gateways: true, leafnodes: true };
  const region = (name: string, x: number, y: number, zone: string): Cluster =>
    cluster(name, x, y, zone, { kubeContext: name, gateway: { service: 'LoadBalancer', address: `nats-${name}.example.com`, nodePort: null } });
  const clusters = [region('us-east', 0, 0, 'us-east-1'), region('eu-west', 420, 0, 'eu-west-1'), region('ap-south', 210, 320, 'ap-south-1')];
  const edge = cluster('edge', -320, 240, 'us-east-1', { kubeContext: 'us-east', domain: 'edge', replicas: 1 });
  return {
    ...t,
    kind: kindEnv({ cpus: 4, memory: '8Gi' }),
    clusters: [...clusters, edge],
    gateways: mesh(clusters.map((c) => c.name)),
    leafnodes: [['edge', 'us-east']],
    monitoring: { exporter: true },
    natsBox: true,
    security: { serverAuth: true, networkPolicy: true, restrictedPods: true },
  };
}

export const TEMPLATES: Template[] = [
  { id: 'noetl', title: 'NoETL 2×3 supercluster', description: 'Two 3-server JetStream clusters joined by a gateway (seed 000, fixed).', topology: noetl },
  { id: 'single', title: 'Single 3-server JetStream cluster', description: 'One cluster sized like typical production Helm values.', topology: single },
  { id: 'five', title: '5-server cluster', description: 'One 5-replica JetStream cluster with requests equal to limits.', topology: five },
  {
    id: 'three-region',
    title: '3-region supercluster',
    description: 'Three fully meshed regional clusters sharing one JetStream domain.',
    topology: threeRegion,
  },
  {
    id: 'light',
    title: 'Light 2×1 for small kind VMs',
    description: "Two one-server clusters and a gateway, JetStream off; fits podman's default 2 GiB VM without a warning.",
    topology: light,
  },
  {
    id: 'multi-region',
    title: 'Multi-region, one Kubernetes cluster per region',
    description: 'Three regions in three Kubernetes clusters, gateways over load balancers, TLS and auth on, a leaf cluster edge with its own domain.',
    topology: multiRegion,
  },
];

export function templateById(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
