import type { Topology } from '../model';
import type { Problem } from '../problems';

/** One lint rule: a pure check over a resolved topology. Rules never throw on user mistakes; they name them. */
export interface LintRule {
  /** Stable kebab-case id, equal to the rule's file name in `rules/`. */
  id: string;
  /** One sentence saying what the rule checks. */
  description: string;
  check(topology: Topology): Problem[];
}
