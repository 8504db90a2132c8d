/** The lint: every user mistake the renderers tolerate, named as {@link Problem}s. */
import type { Topology } from '../model';
import { sortProblems, type Problem } from '../problems';
import { RULES } from './registry';

export { RULES, PROBLEM_CODES, type CodeInfo, type ProblemCode } from './registry';
export type { LintRule } from './rule';

/**
 * Runs every rule over a topology and returns the problems sorted by severity, code and message. Identical
 * problems (two clusters with one name give the same message twice) are reported once.
 */
export function lint(topology: Topology): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const rule of RULES) {
    for (const p of rule.check(topology)) {
      const key = JSON.stringify([p.code, p.target, p.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  return sortProblems(problems);
}
