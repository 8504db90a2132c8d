/**
 * Everything the designer shows about a topology, computed by the core once per topology (cached on its
 * identity): the bundle's files, the problems of the lint and the budget, and the budget itself.
 *
 * Nothing here renders anything itself; this is the seam where a Web Worker could take the core later.
 */
import {
  budget,
  lint,
  renderBundle,
  sortProblems,
  type Budget,
  type BundleFile,
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
  /** Milliseconds the core took. */
  millis: number;
}

const cache = new WeakMap<Topology, Derived>();

export function derive(topology: Topology): Derived {
  const hit = cache.get(topology);
  if (hit) return hit;
  const started = now();
  const failures: string[] = [];
  const files = attempt(() => renderBundle(topology), [] as BundleFile[], 'bundle', failures);
  const lintProblems = attempt(() => lint(topology), [] as Problem[], 'lint', failures);
  const b = attempt<Budget | null>(() => budget(topology), null, 'budget', failures);
  const problems = sortProblems(dedupe([...lintProblems, ...(b?.problems ?? [])]));
  const out: Derived = {
    files,
    problems,
    budget: b,
    byCluster: summarize(problems, (p) => (p.target.kind === 'cluster' ? p.target.cluster : null)),
    byGateway: summarize(problems, (p) => (p.target.kind === 'gateway' ? gatewayKey(p.target.clusters[0], p.target.clusters[1]) : null)),
    failure: failures.length ? failures.join('; ') : null,
    millis: now() - started,
  };
  cache.set(topology, out);
  return out;
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

/** The lint and the budget may both see one fact; show it once. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.code}|${JSON.stringify(p.target)}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
