/**
 * The cluster settings of the topology format, one row a key: the one home of each key's path, kind, default,
 * bounds and words. The parser walks it (`parse/parse-topology.ts`), and the defaults, `resolveCluster`, the
 * topology writer, the share link's compaction, the lint's "(from defaults)", the incremental renderer and the
 * designer's field edits and forms are derived from it.
 *
 * A key here is set once under `defaults:` and may be overridden by any cluster. Adding one: a row here, a member
 * of `ClusterSettings` in `model.ts`, and the line of the renderer that writes it.
 */

/**
 * How a key's text is read: a whole number, a CPU quantity (`250m`), a byte quantity (`512Mi`), a name, or a switch
 * (`true`/`false`).
 */
export type FieldKind = 'integer' | 'cpu' | 'bytes' | 'text' | 'boolean';

/**
 * What `null` means for a key. `remove`: no value (a cluster's `null` removes the default; the key is then absent
 * from the resolved cluster). `value`: `null` is itself the value ("none", e.g. the cluster's default StorageClass).
 * `false`: `null` is refused.
 */
export type Nullable = 'remove' | 'value' | false;

/** Where the designer's forms show a key. */
export type FieldGroup = 'servers' | 'resources' | 'jetstream' | 'tls';

export interface FieldSpec {
  /** Dotted path inside `defaults` and inside each cluster: `jetstream.memoryStore`. */
  readonly path: string;
  readonly kind: FieldKind;
  readonly nullable: Nullable;
  /** The value a topology gets when its file leaves the key out; `undefined`: unset (absent, not rendered). */
  readonly default: number | string | boolean | null | undefined;
  /**
   * Inclusive bounds: of the number for `integer`, in cores for `cpu`, in bytes for `bytes`, in characters for
   * `text`; unused for `boolean`.
   */
  readonly min?: number;
  readonly max: number;
  /** An example for messages and placeholders: `1Gi`, `250m or 2`. */
  readonly example: string;
  /** The label of a cluster's field in the inspector, and of the topology default's. */
  readonly label: string;
  readonly defaultLabel: string;
  /** One sentence for people: what the key does, where it lands. */
  readonly help: string;
  readonly group: FieldGroup;
}

/** Anything bigger than a petabyte is a typo, and stays exact as a double. */
export const MAX_BYTES = 2 ** 50;
export const MAX_CORES = 4_096;

/** Every key `defaults` holds and clusters override, in file order. */
export const CLUSTER_FIELDS = [
  {
    path: 'replicas',
    kind: 'integer',
    nullable: false,
    default: 3,
    min: 1,
    max: 99,
    example: '3',
    label: 'Replicas',
    defaultLabel: 'Default replicas',
    help: 'Servers in the cluster (StatefulSet replicas).',
    group: 'servers',
  },
  {
    path: 'maxPayload',
    kind: 'bytes',
    nullable: 'remove',
    default: undefined,
    min: 1,
    max: 64 * 2 ** 20,
    example: '8Mi',
    label: 'Max payload',
    defaultLabel: 'Default max payload',
    help: "Each server's `max_payload`, the largest message it accepts; unset keeps the server's 1MB.",
    group: 'servers',
  },
  {
    path: 'resources.requests.cpu',
    kind: 'cpu',
    nullable: 'remove',
    default: '250m',
    max: MAX_CORES,
    example: '250m or 2',
    label: 'CPU request',
    defaultLabel: 'Default CPU request',
    help: "Each server container's CPU request.",
    group: 'resources',
  },
  {
    path: 'resources.requests.memory',
    kind: 'bytes',
    nullable: 'remove',
    default: '512Mi',
    max: MAX_BYTES,
    example: '512Mi or 2Gi',
    label: 'Memory request',
    defaultLabel: 'Default RAM request',
    help: "Each server container's memory request.",
    group: 'resources',
  },
  {
    path: 'resources.limits.cpu',
    kind: 'cpu',
    nullable: 'remove',
    default: '1',
    max: MAX_CORES,
    example: '250m or 2',
    label: 'CPU limit',
    defaultLabel: 'Default CPU limit',
    help: "Each server container's CPU limit.",
    group: 'resources',
  },
  {
    path: 'resources.limits.memory',
    kind: 'bytes',
    nullable: 'remove',
    default: '2Gi',
    max: MAX_BYTES,
    example: '512Mi or 2Gi',
    label: 'Memory limit',
    defaultLabel: 'Default RAM limit',
    help: "Each server container's memory limit; GOMEMLIMIT is 80% of it.",
    group: 'resources',
  },
  {
    path: 'jetstream.memoryStore',
    kind: 'bytes',
    nullable: false,
    default: '1Gi',
    max: MAX_BYTES,
    example: '1Gi',
    label: 'Memory store',
    defaultLabel: 'Default JetStream RAM store',
    help: "Each server's `max_memory_store`.",
    group: 'jetstream',
  },
  {
    path: 'jetstream.fileStore',
    kind: 'bytes',
    nullable: false,
    default: '4Gi',
    max: MAX_BYTES,
    example: '1Gi',
    label: 'File store',
    defaultLabel: 'Default file store',
    help: "Each server's `max_file_store`.",
    group: 'jetstream',
  },
  {
    path: 'jetstream.volumeSize',
    kind: 'bytes',
    nullable: false,
    default: '5Gi',
    max: MAX_BYTES,
    example: '1Gi',
    label: 'Volume size',
    defaultLabel: 'Default volume size',
    help: "Size of each server's PersistentVolumeClaim.",
    group: 'jetstream',
  },
  {
    path: 'jetstream.storageClass',
    kind: 'text',
    nullable: 'value',
    default: null,
    max: 253,
    example: 'cluster default',
    label: 'Storage class',
    defaultLabel: 'Default storage class',
    help: "StorageClass of each server's claim; none uses the cluster's default class.",
    group: 'jetstream',
  },
  ...tlsRows(),
] as const satisfies readonly FieldSpec[];

/**
 * The TLS switches, one per protocol the server listens on. Off by default, and an off switch under `defaults` is not
 * written back (`bundle/topology-file.ts`), so designs without TLS keep their bytes.
 */
function tlsRows() {
  const row = <P extends string>(path: P, label: string, help: string) =>
    ({
      path,
      kind: 'boolean',
      nullable: false,
      default: false,
      max: 1,
      example: 'true',
      label,
      defaultLabel: `Default ${label}`,
      help,
      group: 'tls',
    }) as const;
  return [
    row('tls.clients', 'TLS for clients', 'Clients connect with TLS (`tls://`) on 4222; the server certificate is checked against the bundle CA.'),
    row('tls.routes', 'TLS for routes', "Mutual TLS (`verify: true`) between the cluster's own servers on 6222."),
    row('tls.gateways', 'TLS for gateways', 'Mutual TLS (`verify: true`) on gateway links (7222); every cluster of a gateway system must agree.'),
    row(
      'tls.leafnodes',
      'TLS for leafnodes',
      "Mutual TLS (`verify: true`) on a hub's leafnode listener (7422) and a leaf's remotes; a leaf and its hub must agree.",
    ),
  ] as const;
}

/** A key of the cluster settings: `replicas`, `resources.limits.memory`, `jetstream.fileStore`... */
export type ClusterFieldPath = (typeof CLUSTER_FIELDS)[number]['path'];

const BY_PATH: ReadonlyMap<string, FieldSpec> = new Map(CLUSTER_FIELDS.map((f) => [f.path, f]));

/** The row of a cluster settings key, or undefined when `path` is not one. */
export function clusterField(path: string): FieldSpec | undefined {
  return BY_PATH.get(path);
}

/** The keys split once: `['jetstream', 'memoryStore']`. */
export const FIELD_KEYS: ReadonlyMap<string, readonly string[]> = new Map(CLUSTER_FIELDS.map((f) => [f.path, f.path.split('.')]));

/** The value at a row's path inside settings or a cluster, or undefined. */
export function getField(obj: unknown, field: FieldSpec): unknown {
  let cur = obj;
  for (const k of FIELD_KEYS.get(field.path) ?? field.path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Sets a row's value inside a mutable plain object, creating the mappings on the way. */
export function putField(obj: Record<string, unknown>, field: FieldSpec, value: unknown): void {
  const keys = FIELD_KEYS.get(field.path) ?? field.path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    const next = cur[k];
    if (next === undefined || next === null || typeof next !== 'object') cur = cur[k] = {};
    else cur = next as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/**
 * The mappings of the settings as a tree, in file order: each key with its row (a leaf) or its children. The parser
 * and the writer walk it.
 */
export interface FieldNode {
  key: string;
  field?: FieldSpec;
  children: FieldNode[];
}

export const FIELD_TREE: readonly FieldNode[] = buildTree();

function buildTree(): FieldNode[] {
  const root: FieldNode = { key: '', children: [] };
  for (const f of CLUSTER_FIELDS) {
    let node = root;
    const keys = f.path.split('.');
    keys.forEach((k, i) => {
      let child = node.children.find((c) => c.key === k);
      if (!child) node.children.push((child = { key: k, children: [] }));
      if (i === keys.length - 1) child.field = f;
      node = child;
    });
  }
  return root.children;
}

/** Every default of a subtree (all the settings by default), in file order; keys whose default is unset are left out. */
export function fillDefaults(nodes: readonly FieldNode[] = FIELD_TREE): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of nodes) {
    if (n.field) {
      if (n.field.default !== undefined) out[n.key] = n.field.default;
    } else out[n.key] = fillDefaults(n.children);
  }
  return out;
}
