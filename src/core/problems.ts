/** Problems are data: the lint, the budget, the problems panel, node badges and editor markers share them. */
import type { ProblemCode } from './check/codes';

export type Severity = 'error' | 'warning' | 'info';

/** What a problem is about; `field` is a dotted path inside that thing (for example `resources.limits.memory`). */
export type ProblemTarget =
  | { kind: 'topology'; field?: string }
  | { kind: 'cluster'; cluster: string; field?: string }
  | { kind: 'gateway'; clusters: [string, string] }
  | { kind: 'account'; account: string; field?: string }
  | { kind: 'kind'; field?: string };

export interface Problem {
  /** Stable code from `PROBLEM_CODES` (`check/codes.ts`), e.g. `CLUSTER_NAME_INVALID` or `S2`; never reused for another meaning. */
  code: ProblemCode;
  severity: Severity;
  target: ProblemTarget;
  message: string;
  /** What to do about it. */
  fix: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts problems by severity, then code, then message: stable output for panels and the CLI. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

/** Human text for a target: `cluster a (replicas)`. */
export function describeTarget(t: ProblemTarget): string {
  const field = 'field' in t && t.field ? ` (${t.field})` : '';
  switch (t.kind) {
    case 'topology':
      return `topology${field}`;
    case 'cluster':
      return `cluster ${t.cluster}${field}`;
    case 'gateway':
      return `gateway ${t.clusters[0]}–${t.clusters[1]}`;
    case 'account':
      return `account ${t.account}${field}`;
    case 'kind':
      return `kind${field}`;
  }
}
