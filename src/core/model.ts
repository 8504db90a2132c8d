/**
 * The topology model: what a user designs. Everything else (nats.conf, manifests, problems, the budget) is
 * derived from a {@link Topology} by pure functions.
 *
 * The shapes here are the *resolved* form that {@link parseTopology} returns: every optional key of the file
 * format is filled with its default, so renderers never guess.
 */

import { clusterField, FIELD_TREE, getField, type ClusterFieldPath, type FieldNode, type FieldSpec } from './format/fields';

/** Kubernetes quantity text as the user wrote it (`250m`, `1`, `512Mi`), already validated. */
export type Quantity = string;

/** CPU and memory for requests or limits. A missing key means "not set". */
export interface ResourceList {
  cpu?: Quantity;
  memory?: Quantity;
}

export interface Resources {
  requests: ResourceList;
  limits: ResourceList;
}

/** Per-server JetStream sizing. */
export interface JetStreamSizing {
  /** `max_memory_store`. */
  memoryStore: Quantity;
  /** `max_file_store`. */
  fileStore: Quantity;
  /** Size of each server's PersistentVolumeClaim. */
  volumeSize: Quantity;
  /** StorageClass of the claim; null uses the cluster's default class. */
  storageClass: string | null;
}

/**
 * Keys every cluster inherits unless it overrides them. Each key's default, bounds and words are its row of
 * `CLUSTER_FIELDS` (`format/fields.ts`); a test holds this shape and the table to each other.
 */
export interface ClusterSettings {
  /** Servers in the cluster (StatefulSet replicas). */
  replicas: number;
  /** `max_payload`; unset keeps the server's own (1MB). */
  maxPayload?: Quantity;
  resources: Resources;
  jetstream: JetStreamSizing;
  tls: TlsSettings;
}

/**
 * Which listeners speak TLS, each with the cluster's certificate (cert-manager on Kubernetes, a throwaway CA
 * locally). Routes and gateways are mutual TLS.
 */
export interface TlsSettings {
  clients: boolean;
  routes: boolean;
  gateways: boolean;
  /** A hub's leafnode listener (mutual TLS) and a leaf's remotes; a leaf and its hub must agree. */
  leafnodes: boolean;
}

export interface Position {
  x: number;
  y: number;
}

/**
 * One NATS cluster as the user wrote it: identity and layout, plus any key of `defaults` it overrides.
 * Use {@link resolveCluster} for the effective settings.
 */
export interface Cluster {
  /** DNS-1123 label; also the NATS cluster and gateway name. */
  name: string;
  /** Labels only; never part of a selector. @default null */
  region: string | null;
  /** @default null */
  zone: string | null;
  /** Canvas layout; ignored by renderers. @default {x: 0, y: 0} */
  position: Position;
  /**
   * The JetStream domain of this cluster's system, over the topology's `jetstream.domain`: a leaf cluster's own domain.
   * Present only when set. @default absent
   */
  domain?: string;
  /** The Kubernetes cluster (kube context) it runs in; absent or null: the default one. */
  kubeContext?: string | null;
  /** How peers in other Kubernetes clusters reach its gateway; absent: not exposed. */
  gateway?: GatewayExposure;
  /** Overrides `defaults.replicas` when set. */
  replicas?: number;
  /** Overrides `defaults.maxPayload`; `null` removes it. */
  maxPayload?: Quantity | null;
  /** Overrides single keys of `defaults.resources`; a `null` leaf removes the default. */
  resources?: {
    requests?: Partial<Record<ResourceName, Quantity | null>>;
    limits?: Partial<Record<ResourceName, Quantity | null>>;
  };
  /** Overrides single keys of `defaults.jetstream`. */
  jetstream?: Partial<JetStreamSizing>;
  /** Overrides single switches of `defaults.tls`. */
  tls?: Partial<TlsSettings>;
}

export type ResourceName = 'cpu' | 'memory';

export type GatewayServiceType = 'LoadBalancer' | 'NodePort';

/** A cluster's gateway as peers in other Kubernetes clusters reach it (`docs/nats-server.md`, "Several Kubernetes clusters"). */
export interface GatewayExposure {
  /** @default "LoadBalancer" */
  service: GatewayServiceType;
  /** What peers dial and the gateway advertises: a DNS name or an IP address. @default null */
  address: string | null;
  /** The Service's node port (NodePort only). @default null */
  nodePort: number | null;
}

/** Server-to-server security switches; all off by default, so designs made before them render as they did. */
export interface Security {
  /** Routes and gateways require a user and password (from the Secret). @default false */
  serverAuth: boolean;
  /** A NetworkPolicy per cluster: clients and monitoring from anywhere, routes from its own pods, gateways from its peers. @default false */
  networkPolicy: boolean;
  /** Pods meet the restricted Pod Security Standard, with a read-only root filesystem. @default false */
  restrictedPods: boolean;
}

/** A cluster with its defaults merged in: what renderers use. */
export interface ResolvedCluster extends ClusterSettings {
  name: string;
  region: string | null;
  zone: string | null;
  /** Placement (see {@link Cluster}); absent when the cluster does not set it. */
  kubeContext?: string | null;
  gateway?: GatewayExposure;
}

export interface Account {
  /** NATS account name. */
  name: string;
  /** Whether the account may use JetStream. @default false */
  jetstream: boolean;
  /** User names; passwords live only in the bundle's Secret. @default [] */
  users: string[];
}

export type KindProvider = 'docker-desktop' | 'podman' | 'podman-desktop' | 'colima' | 'rancher-desktop' | 'orbstack' | 'linux';

/** Another workload the user runs on the same kind cluster. */
export interface OtherWorkload {
  name: string;
  /** @default 1 */
  replicas: number;
  requests: ResourceList;
  limits: ResourceList;
}

/** The local kind cluster the budget is checked against. */
export interface KindEnvironment {
  /** @default "podman" */
  provider: KindProvider;
  /** VM CPUs. @default the provider's default */
  cpus: number;
  /** VM memory. @default the provider's default */
  memory: Quantity;
  /** VM disk. @default the provider's default */
  disk: Quantity;
  /** Worker nodes; 0 means one node whose control plane also runs workloads. @default 0 */
  workers: number;
  /** @default [] */
  otherWorkloads: OtherWorkload[];
}

/** A resolved topology, format version 1. */
export interface Topology {
  version: 1;
  /** DNS-1123 label; names the bundle. */
  name: string;
  /** Namespace of every object. @default the topology name */
  namespace: string;
  /** DNS domain of the Kubernetes cluster, in every in-cluster address (`<svc>.<ns>.svc.<clusterDomain>`). @default "cluster.local" */
  clusterDomain: string;
  /** @default DEFAULT_IMAGE (`nats:<NATS_SERVER_VERSION>-alpine`) */
  image: string;
  jetstream: {
    /** @default true */
    enabled: boolean;
    /** One domain for the whole supercluster, or none. @default null */
    domain: string | null;
  };
  /** Application accounts; a system account is always rendered besides them. @default [] */
  accounts: Account[];
  defaults: ClusterSettings;
  clusters: Cluster[];
  /** Undirected links, each as given: [a, b]. @default [] */
  gateways: [string, string][];
  kind: KindEnvironment;
  /**
   * Leafnode links, each `[leaf, hub]`: the leaf cluster's servers dial the hub cluster's leafnode port. Present only
   * when there is one. @default absent
   */
  leafnodes?: [string, string][];
  /** What scrapes the servers; present only when something is on, so designs without it stay as they were. @default absent */
  monitoring?: Monitoring;
  /** A nats-box Deployment in the bundle, to test from inside the Kubernetes cluster; present only when on. @default absent */
  natsBox?: true;
  /** Absent: every switch off. */
  security?: Security;
}

/** Monitoring switches. */
export interface Monitoring {
  /** The Prometheus NATS exporter sidecar in every server pod, and a PodMonitor per cluster. */
  exporter: true;
}

/** Merges a cluster's overrides over the topology's defaults, key by key of the field table, in its order. */
export function resolveCluster(topology: Topology, cluster: Cluster): ResolvedCluster {
  const settings = resolveNodes(FIELD_TREE, cluster, topology.defaults);
  const placement: Partial<ResolvedCluster> = {};
  if (cluster.kubeContext !== undefined && cluster.kubeContext !== null) placement.kubeContext = cluster.kubeContext;
  if (cluster.gateway !== undefined) placement.gateway = cluster.gateway;
  return { name: cluster.name, region: cluster.region, zone: cluster.zone, ...placement, ...settings } as unknown as ResolvedCluster;
}

function resolveNodes(nodes: readonly FieldNode[], own: unknown, base: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of nodes) {
    const o = own !== null && typeof own === 'object' ? (own as Record<string, unknown>)[n.key] : undefined;
    const d = base !== null && typeof base === 'object' ? (base as Record<string, unknown>)[n.key] : undefined;
    if (!n.field) out[n.key] = resolveNodes(n.children, o, d);
    else {
      const v = o !== undefined ? o : d;
      if (v !== undefined && !(v === null && n.field.nullable === 'remove')) out[n.key] = v;
    }
  }
  return out;
}

/** One effective setting of a cluster (its own or the default), without resolving the rest: `undefined` when unset. */
export function clusterSetting(topology: Topology, cluster: Cluster, path: ClusterFieldPath): unknown {
  const f = clusterField(path);
  return f && settingOf(topology, cluster, f);
}

function settingOf(topology: Topology, cluster: Cluster, f: FieldSpec): unknown {
  const own = getField(cluster, f);
  const v = own !== undefined ? own : getField(topology.defaults, f);
  return v === null && f.nullable === 'remove' ? undefined : v;
}
