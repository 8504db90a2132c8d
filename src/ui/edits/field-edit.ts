/**
 * Inspector edits: a field's raw text goes into a candidate topology, the candidate goes through the one door
 * (`parseTopology`), and only a candidate the parser accepts is committed. Otherwise the parser's message for
 * that field comes back, and the last valid topology keeps rendering.
 */
import {
  CLUSTER_FIELDS,
  FIELD_TREE,
  parseTopology,
  PROVIDERS,
  resolveCluster,
  type Cluster,
  type FieldNode,
  type KindProvider,
  type Topology,
} from '../../core';
import { clusterIds, clusterIndex, withClusterIds } from './ids';
import { renameCluster } from './topology-edits';

/** What a field belongs to. `id` is a cluster id or a list index for accounts and workloads. */
export type FieldScope = 'cluster' | 'topology' | 'kind' | 'defaults' | 'account' | 'workload';

export interface FieldRef {
  scope: FieldScope;
  id?: string | number;
  /** Dotted path inside the scope, as problems name it: `replicas`, `resources.limits.memory`. */
  field: string;
}

export type EditResult = { ok: true; topology: Topology } | { ok: false; message: string };

type Key = string | number;
const REMOVE = Symbol('remove');
type Value = unknown | typeof REMOVE;

/** Cluster keys that override `defaults` (the core's field table): clearing them means "inherit" again. */
const CLUSTER_OVERRIDES: ReadonlySet<string> = new Set(CLUSTER_FIELDS.map((f) => f.path));

const INTEGER_FIELDS = new Set(['cpus', 'workers', 'gateway.nodePort', ...CLUSTER_FIELDS.filter((f) => f.kind === 'integer').map((f) => f.path)]);
const NULLABLE_TEXT = new Set([
  'region',
  'zone',
  'kubeContext',
  'gateway.address',
  'gateway.nodePort',
  'jetstream.domain',
  ...CLUSTER_FIELDS.filter((f) => f.nullable === 'value').map((f) => f.path),
]);

/** A cluster's gateway exposure before its first key is set: what the parser fills in. */
const NO_EXPOSURE = { service: 'LoadBalancer', address: null, nodePort: null };
/** Every security switch, off: what the parser reads for a design without them. */
const NO_SECURITY = { serverAuth: false, networkPolicy: false, restrictedPods: false };

/** Stable key of a field, for drafts and focus: `cluster:a:replicas`. */
export function fieldKey(ref: FieldRef): string {
  return `${ref.scope}:${ref.id ?? ''}:${ref.field}`;
}

/** Where the field lives in the topology document, or null when its owner is gone. */
export function fieldPath(t: Topology, ref: FieldRef): Key[] | null {
  const parts = ref.field.split('.');
  switch (ref.scope) {
    case 'cluster': {
      const i = clusterIndex(t, String(ref.id));
      return i < 0 ? null : ['clusters', i, ...parts];
    }
    case 'topology':
      return parts;
    case 'kind':
      return ['kind', ...parts];
    case 'defaults':
      return ['defaults', ...parts];
    case 'account':
      return typeof ref.id === 'number' && ref.id < t.accounts.length ? ['accounts', ref.id, ...parts] : null;
    case 'workload':
      return typeof ref.id === 'number' && ref.id < t.kind.otherWorkloads.length ? ['kind', 'otherWorkloads', ref.id, ...parts] : null;
  }
}

/** `['clusters', 1, 'replicas']` → `clusters[1].replicas`, as the parser writes paths. */
export function formatKeyPath(path: Key[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** Turns what the user typed into the value the file format holds. */
function toValue(ref: FieldRef, raw: string | boolean): Value {
  if (typeof raw === 'boolean') return raw;
  const text = raw.trim();
  const leaf = ref.field.split('.').pop() ?? '';
  if (ref.scope === 'cluster' && CLUSTER_OVERRIDES.has(ref.field) && text === '') return REMOVE;
  // A cluster without its own domain has no key (the topology's domain applies).
  if (ref.scope === 'cluster' && ref.field === 'domain' && text === '') return REMOVE;
  if (NULLABLE_TEXT.has(ref.field) && text === '') return null;
  if (ref.field === 'users') return text === '' ? [] : text.split(/[\s,]+/).filter(Boolean);
  if (INTEGER_FIELDS.has(ref.field) || INTEGER_FIELDS.has(leaf) || (ref.scope === 'workload' && leaf === 'replicas')) {
    // A number when it looks like one; otherwise the text itself, so the parser names the mistake.
    return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  // Optional resource keys of other workloads: empty means "not set".
  if (ref.scope === 'workload' && /^(requests|limits)\./.test(ref.field) && text === '') return REMOVE;
  return text;
}

/**
 * Applies one field edit. On success the result shares every untouched part of `t`; on failure `message` is
 * the parser's (or the designer's own) reason, meant to be shown at the field.
 */
export function applyFieldEdit(t: Topology, ref: FieldRef, raw: string | boolean): EditResult {
  const path = fieldPath(t, ref);
  if (!path) return { ok: false, message: 'this item no longer exists' };
  const value = toValue(ref, raw);

  if (ref.scope === 'cluster' && ref.field === 'name') {
    const name = String(value);
    const i = path[1] as number;
    if (t.clusters.some((c, j) => j !== i && c.name === name)) return { ok: false, message: `another cluster is already named "${name}"` };
  }

  // A gateway key lands in a whole exposure, so the design holds what the parser would fill in.
  let base: unknown = t;
  if (ref.scope === 'cluster' && ref.field.startsWith('gateway.')) base = setIn(t, path.slice(0, 3), { ...NO_EXPOSURE, ...(getIn(t, path.slice(0, 3)) ?? {}) });
  if (ref.scope === 'topology' && ref.field.startsWith('security.')) base = setIn(t, ['security'], { ...NO_SECURITY, ...t.security });
  let candidate = setIn(base, path, value) as Topology;
  if (ref.scope === 'cluster') {
    candidate = pruneOverrides(candidate, path[1] as number);
    // The same clusters in the same order: each keeps its id.
    withClusterIds(candidate, clusterIds(t));
  }
  if (ref.scope === 'topology') candidate = withoutSwitchedOff(candidate);
  if (ref.scope === 'kind' && ref.field === 'provider' && typeof value === 'string' && value in PROVIDERS) {
    const p = PROVIDERS[value as KindProvider];
    candidate = { ...candidate, kind: { ...candidate.kind, cpus: p.cpus, memory: p.memory, disk: p.disk } };
  }

  const parsed = parseTopology(candidate);
  if (!parsed.ok) {
    const at = formatKeyPath(path);
    const mine = parsed.errors.find((e) => e.path === at || e.path.startsWith(`${at}.`) || e.path.startsWith(`${at}[`));
    const e = mine ?? parsed.errors[0];
    return { ok: false, message: mine ? e.message : `${e.path} ${e.message}` };
  }
  if (ref.scope === 'cluster' && ref.field === 'name') {
    // Links follow the rename; the parser has checked the name itself.
    return { ok: true, topology: renameCluster(t, String(ref.id), String(value)) };
  }
  return { ok: true, topology: candidate };
}

/** Switches turned off leave no key, as the parser reads a file without them: the same design, the same bytes. */
function withoutSwitchedOff(t: Topology): Topology {
  const { monitoring, natsBox, ...rest } = t;
  return { ...rest, ...(monitoring?.exporter ? { monitoring } : {}), ...(natsBox ? { natsBox } : {}) };
}

/** The text a field shows: the effective value for clusters (own or inherited). */
export function readField(t: Topology, ref: FieldRef): string | boolean {
  if (ref.scope === 'cluster') {
    const i = clusterIndex(t, String(ref.id));
    if (i < 0) return '';
    const c = t.clusters[i];
    if (ref.field === 'name') return c.name;
    if (ref.field === 'region') return c.region ?? '';
    if (ref.field === 'zone') return c.zone ?? '';
    if (ref.field === 'domain') return c.domain ?? '';
    if (ref.field === 'kubeContext') return c.kubeContext ?? '';
    if (ref.field.startsWith('gateway.')) return display(getIn({ ...NO_EXPOSURE, ...c.gateway }, ref.field.split('.').slice(1)));
    const v = getIn(resolveCluster(t, c), ref.field.split('.'));
    return typeof v === 'boolean' ? v : display(v);
  }
  const path = fieldPath(t, ref);
  if (!path) return '';
  const v = getIn(t, path);
  // A security switch absent from the design is off.
  if (ref.scope === 'topology' && ref.field.startsWith('security.')) return v === true;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.join(', ');
  return display(v);
}

/** Whether a cluster sets this key itself rather than inheriting it from `defaults`. */
export function isOverridden(t: Topology, id: string, field: string): boolean {
  const i = clusterIndex(t, id);
  if (i < 0 || !CLUSTER_OVERRIDES.has(field)) return false;
  return getIn(t.clusters[i], field.split('.')) !== undefined;
}

function display(v: unknown): string {
  return v === undefined || v === null ? '' : String(v);
}

function getIn(obj: unknown, path: Key[]): unknown {
  let cur = obj;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<Key, unknown>)[k];
  }
  return cur;
}

/** Immutable set along `path`, copying only the objects on the way; REMOVE deletes the key. */
function setIn(obj: unknown, path: Key[], value: Value): unknown {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  const base = obj !== null && typeof obj === 'object' ? obj : typeof k === 'number' ? [] : {};
  const child = (base as Record<Key, unknown>)[k];
  const next = setIn(child, rest, value);
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[k as number] = next;
    return copy;
  }
  const copy: Record<Key, unknown> = { ...(base as Record<Key, unknown>) };
  if (next === REMOVE) delete copy[k];
  else copy[k] = next;
  return copy;
}

/** Drops override mappings left empty by a cleared field, so the file stays as small as the user meant. */
function pruneOverrides(t: Topology, i: number): Topology {
  const c = t.clusters[i];
  if (!c) return t;
  const next = pruneEmpty(c, FIELD_TREE) as Cluster;
  return next === c ? t : { ...t, clusters: t.clusters.map((x, j) => (j === i ? next : x)) };
}

/** `obj` without the mappings of `nodes` that hold nothing (bottom up); `obj` itself when none is empty. */
function pruneEmpty(obj: object, nodes: readonly FieldNode[]): object {
  let out: Record<string, unknown> | null = null;
  for (const n of nodes) {
    if (n.field) continue;
    const v = (obj as Record<string, unknown>)[n.key];
    if (v === null || typeof v !== 'object') continue;
    const inner = pruneEmpty(v, n.children);
    if (inner === v && Object.keys(v).length > 0) continue;
    out ??= { ...(obj as Record<string, unknown>) };
    if (Object.keys(inner).length === 0) delete out[n.key];
    else out[n.key] = inner;
  }
  return out ?? obj;
}
