/**
 * Everything the designer shows about a topology, computed by the core once per topology (cached on its
 * identity): the bundle's files, the problems of the lint and the budget, and the budget itself.
 *
 * Each designer has its own deriver (`createDeriver`), whose incremental bundle renderer re-renders only the
 * clusters an edit touched. What did not change keeps its identity from one topology to the next (the problems,
 * the per-cluster summaries, each file), so memoized views skip it.
 *
 * Nothing here renders anything itself; this is the seam where a Web Worker could take the core later. The bundle
 * renderer may arrive later than the deriver (the designer loads its chunk once the canvas is interactive): until
 * then there are no files, and its arrival is announced to subscribers, who derive again.
 */
import {
  budget,
  bundleOutputSize,
  check,
  outputSizeProblem,
  survivalStatement,
  type Budget,
  type BundleFile,
  type BundlePlan,
  type BundleRenderer,
  type Problem,
  type Severity,
  type Topology,
} from '../../core';

export interface ProblemSummary {
  count: number;
  worst: Severity;
}

export interface Derived {
  files: BundleFile[];
  problems: Problem[];
  budget: Budget | null;
  /** Problems whose target is a cluster, by cluster name. */
  byCluster: Map<string, ProblemSummary>;
  /** Problems whose target is a gateway, by `a~b` with the names sorted. */
  byGateway: Map<string, ProblemSummary>;
  /** A renderer threw: a bug in the core, reported instead of crashing the page. */
  failure: string | null;
  /** Why the design is not rendered at all (`OUTPUT_LIMITS`): no files then, and the previews say this instead. */
  tooLarge: string | null;
  /** Milliseconds the core took. */
  millis: number;
}

export interface Survival {
  /** One line per gateway system. */
  summary: string[];
  /** Each claim with its numbers. */
  details: string[];
}

/**
 * What the preview needs within the frame of an edit: the bundle's paths, and the content of the file it shows. Only
 * the files asked for are rendered; the rest follow with the panels a frame later.
 */
export interface LiveBundle {
  /** Sorted; none for a design too large to render, or before the bundle renderer arrived. */
  paths: string[];
  /** The file's content, rendered on the first ask; null for a path the bundle lacks, or when rendering it failed (the problems say why). */
  content(path: string): string | null;
  /** Why the design is not rendered at all, or null. */
  tooLarge: string | null;
}

/** What the core makes of topologies, each cached on the topology's identity. */
export interface Deriver {
  /** Everything: files, problems, budget. */
  derive(topology: Topology): Derived;
  /** The bundle's files alone; the same array `derive` gives. */
  files(topology: Topology): BundleFile[];
  /** The bundle as the preview needs it within the frame of an edit: paths now, each file when asked for. */
  live(topology: Topology): LiveBundle;
  /** Why {@link files} is empty for a design too large to render, or null. */
  tooLarge(topology: Topology): string | null;
  /**
   * What the design survives, the same object while its text is unchanged. Apart from {@link derive}, so a view can
   * ask for it in a render of its own: added to the lint's task it kept a 500-cluster design's page from answering.
   */
  survival(topology: Topology): Survival;
  /** Calls `listener` when what the deriver gives changed for every topology (the bundle renderer arrived). */
  subscribe(listener: () => void): () => void;
  /** Changes whenever subscribers are called: a snapshot for `useSyncExternalStore`. */
  version(): number;
}

/** The bundle renderer, now or once its chunk has loaded. */
export type RendererSource = BundleRenderer | Promise<BundleRenderer>;

/**
 * A deriver for one designer: an incremental bundle renderer (the same bytes as `renderBundle`), caches keyed on
 * the topology's identity, and reuse of the previous result's parts that came out equal.
 */
export function createDeriver(source: RendererSource): Deriver {
  let renderer: BundleRenderer | null = source instanceof Promise ? null : source;
  let filesCache = new WeakMap<Topology, Rendered>();
  // The last live topology's alone: a plan holds what its files are rendered from (every cluster's gateway remotes,
  // n² in a mesh), too much to keep for each topology of the undo history.
  let lastLive: { topology: Topology; bundle: LiveBundle } | null = null;
  let cache = new WeakMap<Topology, Derived>();
  const tooLargeCache = new WeakMap<Topology, string | null>();
  let version = 0;
  const listeners = new Set<() => void>();
  if (source instanceof Promise) {
    void source.then((r) => {
      renderer = r;
      // Everything derived so far had no files: derive again on the next ask.
      filesCache = new WeakMap();
      lastLive = null;
      cache = new WeakMap();
      version++;
      for (const l of [...listeners]) l();
    });
  }
  let lastFiles: BundleFile[] | null = null;
  let last: Derived | null = null;
  const survivalCache = new WeakMap<Topology, Survival>();
  let lastSurvival: Survival = NO_SURVIVAL;
  // Counted from the design in microseconds; rendering one past the limit would freeze the tab for minutes.
  const tooLargeOf = (topology: Topology) => {
    let reason = tooLargeCache.get(topology);
    if (reason === undefined) tooLargeCache.set(topology, (reason = outputSizeProblem(bundleOutputSize(topology))));
    return reason;
  };
  const render = (topology: Topology) => {
    const hit = filesCache.get(topology);
    if (hit) return hit;
    const started = now();
    const tooLarge = tooLargeOf(topology);
    const failures: string[] = [];
    const r = renderer;
    const files = tooLarge || !r ? [] : attempt(() => r.render(topology), [] as BundleFile[], 'bundle', failures);
    const out = { files: lastFiles ? keepSameFiles(lastFiles, files) : files, failure: failures[0] ?? null, tooLarge, millis: now() - started };
    filesCache.set(topology, out);
    lastFiles = out.files;
    return out;
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    files: (topology) => render(topology).files,
    tooLarge: tooLargeOf,
    live(topology) {
      if (lastLive?.topology === topology) return lastLive.bundle;
      const tooLarge = tooLargeOf(topology);
      const r = renderer;
      // A failure here shows as a missing file; the full render a frame later reports it with the problems.
      const plan = tooLarge || !r ? null : attempt<BundlePlan | null>(() => r.plan(topology), null, 'bundle', []);
      const out: LiveBundle = {
        paths: plan?.paths ?? [],
        content: (path) => (plan ? attempt(() => plan.content(path) ?? null, null, 'bundle', []) : null),
        tooLarge,
      };
      lastLive = { topology, bundle: out };
      return out;
    },
    survival(topology) {
      const hit = survivalCache.get(topology);
      if (hit) return hit;
      const failures: string[] = [];
      const fresh = attempt<Survival>(() => survivalStatement(topology), NO_SURVIVAL, 'survival', failures);
      const out = sameJson(lastSurvival, fresh) ? lastSurvival : fresh;
      survivalCache.set(topology, out);
      lastSurvival = out;
      return out;
    },
    derive(topology) {
      const hit = cache.get(topology);
      if (hit) return hit;
      const out = compute(topology, render(topology), last);
      cache.set(topology, out);
      last = out;
      return out;
    },
  };
}

const NO_SURVIVAL: Survival = { summary: [], details: [] };

interface Rendered {
  files: BundleFile[];
  failure: string | null;
  tooLarge: string | null;
  millis: number;
}

function compute(topology: Topology, rendered: Rendered, previous: Derived | null): Derived {
  const started = now();
  const failures: string[] = rendered.failure ? [rendered.failure] : [];
  // One list from the core: the lint's and the budget's, each fact once; the budget's figures come from the same facts.
  const problems = attempt(() => check(topology), [] as Problem[], 'check', failures);
  const b = attempt<Budget | null>(() => budget(topology), null, 'budget', failures);
  const byCluster = summarize(problems, (p) => (p.target.kind === 'cluster' ? p.target.cluster : null));
  const byGateway = summarize(problems, (p) => (p.target.kind === 'gateway' ? gatewayKey(p.target.clusters[0], p.target.clusters[1]) : null));
  const samePrevious = previous !== null && sameJson(previous.problems, problems);
  return {
    files: rendered.files,
    problems: samePrevious ? previous.problems : problems,
    budget: previous && b && previous.budget && sameJson(previous.budget, b) ? previous.budget : b,
    // Summaries keep their identity while their counts do, whatever else changed in the problems.
    byCluster: keepSameSummaries(previous?.byCluster, byCluster),
    byGateway: keepSameSummaries(previous?.byGateway, byGateway),
    failure: failures.length ? failures.join('; ') : null,
    tooLarge: rendered.tooLarge,
    millis: rendered.millis + now() - started,
  };
}

/** The new list, with each file that did not change replaced by the old object; the old list if nothing changed. */
function keepSameFiles(old: BundleFile[], next: BundleFile[]): BundleFile[] {
  const byPath = new Map(old.map((f) => [f.path, f]));
  let changed = old.length !== next.length;
  const out = next.map((f, i) => {
    const o = byPath.get(f.path);
    if (o && o.content === f.content) {
      if (old[i] !== o) changed = true;
      return o;
    }
    changed = true;
    return f;
  });
  return changed ? out : old;
}

/** The new summaries, each equal one replaced by the old object; the old map if every entry is equal. */
function keepSameSummaries(old: Map<string, ProblemSummary> | undefined, next: Map<string, ProblemSummary>): Map<string, ProblemSummary> {
  if (!old) return next;
  let same = old.size === next.size;
  const out = new Map<string, ProblemSummary>();
  for (const [key, summary] of next) {
    const o = old.get(key);
    if (o && o.count === summary.count && o.worst === summary.worst) out.set(key, o);
    else {
      out.set(key, summary);
      same = false;
    }
  }
  return same ? old : out;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Order-free key of a link. */
export function gatewayKey(a: string, b: string): string {
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function worseOf(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

function summarize(problems: Problem[], keyOf: (p: Problem) => string | null): Map<string, ProblemSummary> {
  const out = new Map<string, ProblemSummary>();
  for (const p of problems) {
    const key = keyOf(p);
    if (key === null) continue;
    const cur = out.get(key);
    out.set(key, cur ? { count: cur.count + 1, worst: worseOf(cur.worst, p.severity) } : { count: 1, worst: p.severity });
  }
  return out;
}

function attempt<T>(fn: () => T, fallback: T, what: string, failures: string[]): T {
  try {
    return fn();
  } catch (e) {
    failures.push(`${what}: ${e instanceof Error ? e.message : String(e)}`);
    return fallback;
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
