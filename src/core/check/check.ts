import { sortProblems, type Problem } from '../problems';
import type { Topology } from '../model';
import { BUDGET_RULES } from '../budget/rules/index';
import { RULES } from '../lint/registry';
import { factsOf, type Facts } from './facts';
import type { Rule } from './rule';

/** The lint's rules and the kind budget's: every rule `check` runs. */
export const ALL_RULES: readonly Rule[] = [...RULES, ...BUDGET_RULES];

/**
 * Every problem of a topology, the lint's and the kind budget's, over facts computed once: sorted by severity, code
 * and message, each identical problem once. The CLI, `render` and the designer all call this.
 */
export function check(topology: Topology): Problem[] {
  return runRules(ALL_RULES, factsOf(topology));
}

/** Runs rules over facts: the problems sorted, identical ones (two clusters with one name say the same twice) once. */
export function runRules(rules: readonly Rule[], facts: Facts): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const rule of rules) {
    for (const p of rule.check(facts)) {
      const key = JSON.stringify([p.code, p.target, p.message]);
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
  }
  return sortProblems(problems);
}
