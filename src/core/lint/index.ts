/** The lint: every user mistake the renderers tolerate, named as {@link Problem}s. */
import type { Topology } from '../model';
import type { Problem } from '../problems';
import { factsOf } from '../check/facts';
import { runRules } from '../check/check';
import { RULES } from './registry';

export { RULES } from './registry';

/**
 * Runs every lint rule over a topology and returns the problems sorted by severity, code and message, each
 * identical problem once. `check(topology)` runs these and the budget's.
 */
export function lint(topology: Topology): Problem[] {
  return runRules(RULES, factsOf(topology));
}
