import { isMap, isSeq, LineCounter, type Document, type Pair } from 'yaml';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_IMAGE, KIND_PROVIDERS, PROVIDERS } from '../defaults';
import type {
  Account,
  Cluster,
  ClusterSettings,
  GatewayExposure,
  KindEnvironment,
  Monitoring,
  OtherWorkload,
  ResourceList,
  Security,
  Topology,
} from '../model';
import { formatPath, Reader, type Path } from './reader';
import { MAX_BYTES, MAX_CORES } from '../format/fields';
import { FORMAT_VERSION, migrate } from '../format/migrations';
import { readDefaultSettings, readOverrides, SETTINGS_KEYS } from './settings';
import { parseYamlDocument } from './yaml-document';

/** A reason the input is not a topology, with where it is. */
export interface ParseError {
  /** `clusters[1].replicas`, or `(top level)`. */
  path: string;
  message: string;
  /** 1-based, when the input was text. */
  line?: number;
  column?: number;
}

export type ParseResult = { ok: true; topology: Topology } | { ok: false; errors: ParseError[] };

export { FORMAT_VERSION };

export const LIMITS = {
  /** Characters of topology text we read at all. */
  textChars: 2_000_000,
  clusters: 500,
  gateways: 5_000,
  accounts: 100,
  usersPerAccount: 1_000,
  otherWorkloads: 100,
  /** Of any byte or CPU quantity; a cluster setting's own bounds are in its row of the field table. */
  bytes: MAX_BYTES,
  cpuCores: MAX_CORES,
  coordinate: 1_000_000,
  /** A DNS name's longest form; a kube context name gets the same. */
  hostName: 253,
} as const;

/** The node port range Kubernetes gives Services by default. */
export const NODE_PORTS = { min: 30000, max: 32767 } as const;

const TOP_KEYS = [
  'version',
  'name',
  'namespace',
  'clusterDomain',
  'image',
  'jetstream',
  'accounts',
  'defaults',
  'clusters',
  'gateways',
  'leafnodes',
  'kind',
  'monitoring',
  'natsBox',
  'security',
];

/**
 * The one door into the model: file text (YAML or JSON), share-link payloads, pasted text and autosaves all
 * come through here. Validates, fills defaults, and returns either a topology or every error with its path
 * (and line/column when the input was text).
 */
export function parseTopology(input: unknown): ParseResult {
  if (typeof input !== 'string') return fromData(input, null, null);
  if (input.length > LIMITS.textChars) {
    return { ok: false, errors: [{ path: '(top level)', message: `the text is ${input.length} characters long; at most ${LIMITS.textChars} are read` }] };
  }
  const lineCounter = new LineCounter();
  const parsed = parseYamlDocument(input, lineCounter);
  if (!parsed.ok) {
    return {
      ok: false,
      errors: capped(
        parsed.problems.map((p) => {
          const pos = lineCounter.linePos(p.offset);
          return { path: '(syntax)', message: p.message, line: pos.line, column: pos.col };
        }),
      ),
    };
  }
  const doc = parsed.doc;
  let data: unknown;
  try {
    // A small alias budget stops "billion laughs" documents from expanding.
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { ok: false, errors: [{ path: '(syntax)', message: e instanceof Error ? firstLine(e.message) : 'unreadable YAML' }] };
  }
  return fromData(data, doc, lineCounter);
}

/** A text read for a report of everything wrong with it: the parse, and what the text means despite its errors. */
export interface TextReading {
  result: ParseResult;
  /**
   * The design with every value the parser refused left out (so its default applies), when that is enough to read
   * one; null when the text does not parse as YAML or leaving values out does not help. For the lint's view of a
   * text that does not parse, never to be used as the design.
   */
  repaired: Topology | null;
  /** Line and column of a path in the text: of the value, or of the nearest parent the text has. */
  locate(path: Path): { line?: number; column?: number };
}

/** Rounds of leaving refused values out: one usually does it; a value refused inside a refused value needs more. */
const REPAIR_ROUNDS = 3;

/** {@link parseTopology} for a report (an import's): its result, a repaired design to lint, and positions. */
export function readTopologyText(text: string): TextReading {
  const result = parseTopology(text);
  const none = { result, repaired: null, locate: () => ({}) };
  if (text.length > LIMITS.textChars) return none;
  const lineCounter = new LineCounter();
  const parsed = parseYamlDocument(text, lineCounter);
  if (!parsed.ok) return none;
  const index = new WeakMap<object, Map<unknown, Pair>>();
  const locate = (path: Path) => locateIn(parsed.doc, lineCounter, path, false, index);
  if (result.ok) return { result, repaired: result.topology, locate };
  let data: unknown;
  try {
    data = parsed.doc.toJS({ maxAliasCount: 50 });
  } catch {
    return none;
  }
  const migrated = migrate(data);
  if (!migrated.ok) return { ...none, locate };
  const current = clonePlain(migrated.data);
  for (let round = 0; round < REPAIR_ROUNDS; round++) {
    const r = new Reader(MAX_ERRORS);
    const topology = readTopology(r, current);
    if (r.count === 0 && topology) return { result, repaired: topology, locate };
    // Past the errors kept, some refused values are unknown: they cannot be left out.
    if (r.count > r.errors.length || !r.errors.every((e) => leaveOut(current, e.path))) break;
  }
  return { result, repaired: null, locate };
}

/** A copy of plain data (objects, lists, scalars) to leave values out of. */
function clonePlain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clonePlain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clonePlain(x)]));
  return v;
}

/** Deletes the key at `path` from plain data; false when the path ends at a list item or the top (nothing to leave out). */
function leaveOut(data: unknown, path: Path): boolean {
  const last = path[path.length - 1];
  if (typeof last !== 'string') return false;
  let node = data;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, last)) return false;
  delete (node as Record<string, unknown>)[last];
  return true;
}

function fromData(input: unknown, doc: Document | null, lines: LineCounter | null): ParseResult {
  const r = new Reader(MAX_ERRORS);
  // Older versions are brought up to this one first: one list of migrations for files, links and autosaves.
  const migrated = migrate(input);
  if (!migrated.ok) r.fail(['version'], migrated.message);
  const topology = migrated.ok ? readTopology(r, migrated.data) : undefined;
  if (r.count === 0 && topology) return { ok: true, topology };
  const index = new WeakMap<object, Map<unknown, Pair>>();
  return {
    ok: false,
    errors: capped(
      r.errors.map((e) => ({ path: formatPath(e.path), message: e.message, ...locateIn(doc, lines, e.path, e.atKey ?? false, index) })),
      r.count,
    ),
  };
}

/** Errors listed at most: a file with more is broken throughout, and each one listed costs a lookup of its position. */
export const MAX_ERRORS = 100;

function capped(errors: ParseError[], total = errors.length): ParseError[] {
  if (total <= MAX_ERRORS) return errors;
  return [...errors.slice(0, MAX_ERRORS), { path: '(top level)', message: `${total - MAX_ERRORS} more errors; only the first ${MAX_ERRORS} are listed` }];
}

function readTopology(r: Reader, data: unknown): Topology | undefined {
  if (data === null || data === undefined) {
    r.fail([], 'the input is empty; a topology starts with "version: 1"');
    return undefined;
  }
  const o = r.object(data, [], TOP_KEYS);
  if (!o) return undefined;
  if (!('version' in o)) r.fail(['version'], `is required; this designer writes "version: ${FORMAT_VERSION}"`);
  else if (o.version !== FORMAT_VERSION) r.fail(['version'], `must be ${FORMAT_VERSION}`);

  const name = 'name' in o ? r.string(o.name, ['name']) : r.fail(['name'], 'is required (a DNS-1123 label, e.g. my-supercluster)');
  const namespace = o.namespace === undefined ? name : r.string(o.namespace, ['namespace']);
  const clusterDomain = o.clusterDomain === undefined ? DEFAULT_CLUSTER_DOMAIN : r.string(o.clusterDomain, ['clusterDomain'], 253);
  const image = o.image === undefined ? DEFAULT_IMAGE : r.string(o.image, ['image']);
  const jetstream = readJetStreamToggle(r, o.jetstream);
  const accounts = o.accounts === undefined || o.accounts === null ? [] : readAccounts(r, o.accounts);
  const defaults = readDefaultSettings(r, o.defaults, ['defaults']) as ClusterSettings | undefined;
  const clusters = o.clusters === undefined ? [] : readClusters(r, o.clusters);
  const gateways = o.gateways === undefined || o.gateways === null ? [] : readPairs(r, o.gateways, 'gateways', 'a pair of cluster names, like [a, b]');
  const kind = readKind(r, o.kind);
  const monitoring = readMonitoring(r, o.monitoring);
  const natsBox = o.natsBox === undefined || o.natsBox === null ? false : r.boolean(o.natsBox, ['natsBox']);
  const leafnodes = o.leafnodes === undefined || o.leafnodes === null ? [] : readPairs(r, o.leafnodes, 'leafnodes', 'a leaf and its hub, like [edge, hub]');
  const security = o.security === undefined || o.security === null ? null : readSecurity(r, o.security);

  if (
    r.count > 0 ||
    !name ||
    !namespace ||
    clusterDomain === undefined ||
    !image ||
    !jetstream ||
    !accounts ||
    !defaults ||
    !clusters ||
    !gateways ||
    !kind ||
    monitoring === undefined ||
    natsBox === undefined ||
    !leafnodes
  ) {
    return undefined;
  }
  const topology: Topology = { version: 1, name, namespace, clusterDomain, image, jetstream, accounts, defaults, clusters, gateways, kind };
  // Switched-off features leave no key, so a design without them is the same value (and renders the same bytes) as before.
  if (monitoring) topology.monitoring = monitoring;
  if (natsBox) topology.natsBox = true;
  if (leafnodes.length > 0) topology.leafnodes = leafnodes;
  if (security && Object.values(security).some(Boolean)) topology.security = security;
  return topology;
}

/** `monitoring: {exporter}`; null when nothing is on, undefined on an error. */
function readMonitoring(r: Reader, v: unknown): Monitoring | null | undefined {
  if (v === undefined || v === null) return null;
  const o = r.object(v, ['monitoring'], ['exporter']);
  if (!o) return undefined;
  const exporter = o.exporter === undefined || o.exporter === null ? false : r.boolean(o.exporter, ['monitoring', 'exporter']);
  if (exporter === undefined) return undefined;
  return exporter ? { exporter: true } : null;
}

function readSecurity(r: Reader, v: unknown): Security | undefined {
  const keys = ['serverAuth', 'networkPolicy', 'restrictedPods'] as const;
  const o = r.object(v, ['security'], keys);
  if (!o) return undefined;
  const [serverAuth, networkPolicy, restrictedPods] = keys.map((k) => (o[k] === undefined || o[k] === null ? false : r.boolean(o[k], ['security', k])));
  return serverAuth === undefined || networkPolicy === undefined || restrictedPods === undefined ? undefined : { serverAuth, networkPolicy, restrictedPods };
}

function readJetStreamToggle(r: Reader, v: unknown): Topology['jetstream'] | undefined {
  if (v === undefined || v === null) return { enabled: true, domain: null };
  const o = r.object(v, ['jetstream'], ['enabled', 'domain']);
  if (!o) return undefined;
  const enabled = o.enabled === undefined ? true : r.boolean(o.enabled, ['jetstream', 'enabled']);
  const domain = o.domain === undefined ? null : r.nullableString(o.domain, ['jetstream', 'domain']);
  return enabled === undefined || domain === undefined ? undefined : { enabled, domain };
}

function readAccounts(r: Reader, v: unknown): Account[] | undefined {
  const list = r.list(v, ['accounts'], LIMITS.accounts);
  if (!list) return undefined;
  return collect(list, (item, i) => {
    const path = ['accounts', i];
    const o = r.object(item, path, ['name', 'jetstream', 'users']);
    if (!o) return undefined;
    const name = 'name' in o ? r.string(o.name, [...path, 'name'], 64) : r.fail([...path, 'name'], 'is required');
    const jetstream = o.jetstream === undefined ? false : r.boolean(o.jetstream, [...path, 'jetstream']);
    let users: string[] | undefined = [];
    if (o.users !== undefined && o.users !== null) {
      const raw = r.list(o.users, [...path, 'users'], LIMITS.usersPerAccount);
      users = raw && collect(raw, (u, j) => r.string(u, [...path, 'users', j], 64));
    }
    return name === undefined || jetstream === undefined || !users ? undefined : { name, jetstream, users };
  });
}

/** Reads `{cpu, memory}` of another workload; a key left out keeps `base`, a `null` removes it. */
function readResourceList(r: Reader, v: unknown, path: Path, base: ResourceList): ResourceList | undefined {
  if (v === null) return {};
  const o = r.object(v, path, ['cpu', 'memory']);
  if (!o) return undefined;
  const out: ResourceList = { ...base };
  let ok = true;
  for (const key of ['cpu', 'memory'] as const) {
    if (!(key in o)) continue;
    if (o[key] === null) {
      delete out[key];
      continue;
    }
    const q =
      key === 'cpu' ? r.quantity(o[key], [...path, key], LIMITS.cpuCores, '250m or 2') : r.quantity(o[key], [...path, key], LIMITS.bytes, '512Mi or 2Gi');
    if (q === undefined) ok = false;
    else out[key] = q;
  }
  return ok ? out : undefined;
}

const CLUSTER_KEYS = ['name', 'region', 'zone', 'domain', 'kubeContext', 'gateway', 'position', ...SETTINGS_KEYS];

function readClusters(r: Reader, v: unknown): Cluster[] | undefined {
  const list = r.list(v, ['clusters'], LIMITS.clusters);
  if (!list) return undefined;
  return collect(list, (item, i) => readCluster(r, item, ['clusters', i]));
}

function readCluster(r: Reader, item: unknown, path: Path): Cluster | undefined {
  const o = r.object(item, path, CLUSTER_KEYS);
  if (!o) return undefined;
  const name = 'name' in o ? r.string(o.name, [...path, 'name']) : r.fail([...path, 'name'], 'is required');
  const region = o.region === undefined ? null : r.nullableString(o.region, [...path, 'region']);
  const zone = o.zone === undefined ? null : r.nullableString(o.zone, [...path, 'zone']);
  let position: Cluster['position'] | undefined = { x: 0, y: 0 };
  if (o.position !== undefined && o.position !== null) {
    const p = r.object(o.position, [...path, 'position'], ['x', 'y']);
    const x = p && r.finite(p.x ?? 0, [...path, 'position', 'x'], LIMITS.coordinate);
    const y = p && r.finite(p.y ?? 0, [...path, 'position', 'y'], LIMITS.coordinate);
    position = x === undefined || y === undefined ? undefined : { x, y };
  }
  const domain = o.domain === undefined ? null : r.nullableString(o.domain, [...path, 'domain']);
  const cluster: Cluster = { name: name ?? '', region: region ?? null, zone: zone ?? null, position: position ?? { x: 0, y: 0 } };
  // Only a set domain is kept: a cluster without one is the same value as before the key existed.
  if (domain) cluster.domain = domain;
  let ok = name !== undefined && region !== undefined && zone !== undefined && domain !== undefined && position !== undefined;
  if (o.kubeContext !== undefined && o.kubeContext !== null) {
    const ctx = r.string(o.kubeContext, [...path, 'kubeContext'], LIMITS.hostName);
    if (ctx === undefined) ok = false;
    else cluster.kubeContext = ctx;
  }
  if (o.gateway !== undefined && o.gateway !== null) {
    const g = readGatewayExposure(r, o.gateway, [...path, 'gateway']);
    if (!g) ok = false;
    else cluster.gateway = g;
  }
  const overrides = readOverrides(r, o, path);
  if (!overrides) ok = false;
  else Object.assign(cluster, overrides);
  return ok ? cluster : undefined;
}

function readGatewayExposure(r: Reader, v: unknown, path: Path): GatewayExposure | undefined {
  const o = r.object(v, path, ['service', 'address', 'nodePort']);
  if (!o) return undefined;
  const service =
    o.service === undefined || o.service === null ? 'LoadBalancer' : r.oneOf(o.service, [...path, 'service'], ['LoadBalancer', 'NodePort'] as const);
  const address = o.address === undefined || o.address === null ? null : r.string(o.address, [...path, 'address'], LIMITS.hostName);
  const nodePort = o.nodePort === undefined || o.nodePort === null ? null : r.integer(o.nodePort, [...path, 'nodePort'], NODE_PORTS.min, NODE_PORTS.max);
  return service === undefined || address === undefined || nodePort === undefined ? undefined : { service, address, nodePort };
}

/** A list of cluster-name pairs: gateway links, or leafnode links `[leaf, hub]`. */
function readPairs(r: Reader, v: unknown, key: 'gateways' | 'leafnodes', what: string): [string, string][] | undefined {
  const list = r.list(v, [key], LIMITS.gateways);
  if (!list) return undefined;
  return collect(list, (item, i) => {
    if (!Array.isArray(item) || item.length !== 2) {
      return r.fail([key, i], `must be ${what}`);
    }
    const a = r.string(item[0], [key, i, 0]);
    const b = r.string(item[1], [key, i, 1]);
    return a === undefined || b === undefined ? undefined : ([a, b] as [string, string]);
  });
}

function readKind(r: Reader, v: unknown): KindEnvironment | undefined {
  const path = ['kind'];
  const o = v === undefined || v === null ? {} : r.object(v, path, ['provider', 'cpus', 'memory', 'disk', 'workers', 'otherWorkloads']);
  if (!o) return undefined;
  const provider = o.provider === undefined ? 'podman' : r.oneOf(o.provider, [...path, 'provider'], KIND_PROVIDERS);
  const preset = PROVIDERS[provider ?? 'podman'];
  const cpus = o.cpus === undefined ? preset.cpus : r.integer(o.cpus, [...path, 'cpus'], 1, 1024);
  const memory = o.memory === undefined ? preset.memory : r.quantity(o.memory, [...path, 'memory'], LIMITS.bytes, '8Gi');
  const disk = o.disk === undefined ? preset.disk : r.quantity(o.disk, [...path, 'disk'], LIMITS.bytes, '100Gi');
  const workers = o.workers === undefined ? 0 : r.integer(o.workers, [...path, 'workers'], 0, 50);
  let otherWorkloads: OtherWorkload[] | undefined = [];
  if (o.otherWorkloads !== undefined && o.otherWorkloads !== null) {
    const list = r.list(o.otherWorkloads, [...path, 'otherWorkloads'], LIMITS.otherWorkloads);
    otherWorkloads = list && collect(list, (item, i) => readWorkload(r, item, [...path, 'otherWorkloads', i]));
  }
  if (!provider || cpus === undefined || !memory || !disk || workers === undefined || !otherWorkloads) return undefined;
  return { provider, cpus, memory, disk, workers, otherWorkloads };
}

function readWorkload(r: Reader, item: unknown, path: Path): OtherWorkload | undefined {
  const o = r.object(item, path, ['name', 'replicas', 'requests', 'limits']);
  if (!o) return undefined;
  const name = 'name' in o ? r.string(o.name, [...path, 'name']) : r.fail([...path, 'name'], 'is required');
  const replicas = o.replicas === undefined ? 1 : r.integer(o.replicas, [...path, 'replicas'], 0, 1000);
  const requests = o.requests === undefined ? {} : readResourceList(r, o.requests, [...path, 'requests'], {});
  const limits = o.limits === undefined ? {} : readResourceList(r, o.limits, [...path, 'limits'], {});
  return name === undefined || replicas === undefined || !requests || !limits ? undefined : { name, replicas, requests, limits };
}

/** Maps over a list, returning undefined if any item failed (errors are already recorded). */
function collect<T>(list: unknown[], fn: (item: unknown, i: number) => T | undefined): T[] | undefined {
  const out: T[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const v = fn(item, i);
    if (v === undefined) ok = false;
    else out.push(v);
  });
  return ok ? out : undefined;
}

/**
 * Line and column of the value at `path`, or of its key for unknown keys; the nearest existing parent otherwise.
 * `index` keeps each mapping's pairs by key, so locating many errors in one large mapping stays linear.
 */
function locateIn(
  doc: Document | null,
  lines: LineCounter | null,
  path: Path,
  atKey: boolean,
  index: WeakMap<object, Map<unknown, Pair>>,
): { line?: number; column?: number } {
  if (!doc || !lines) return {};
  let node: unknown = doc.contents;
  let offset: number | undefined = rangeStart(node);
  for (const key of path) {
    if (isMap(node)) {
      let byKey = index.get(node);
      if (!byKey) {
        byKey = new Map();
        for (const p of node.items) if (!byKey.has(scalarValue(p.key))) byKey.set(scalarValue(p.key), p as Pair);
        index.set(node, byKey);
      }
      const pair = byKey.get(key);
      if (!pair) break;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
      if (atKey && key === path[path.length - 1]) offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else break;
  }
  if (offset === undefined) return {};
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : undefined;
}

function scalarValue(node: unknown): unknown {
  return node !== null && typeof node === 'object' && 'value' in node ? (node as { value: unknown }).value : node;
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}
