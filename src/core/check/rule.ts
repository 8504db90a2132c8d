import type { Problem } from '../problems';
import type { Facts } from './facts';

/**
 * One rule, lint or budget: a pure check over the facts of a topology. Rules never throw on user mistakes; they
 * name them, with codes from `PROBLEM_CODES` (`check/codes.ts`), each code owned by one rule.
 */
export interface Rule {
  /** Stable kebab-case id; a lint rule's equals its file name in `lint/rules/`. */
  id: string;
  /** One sentence saying what the rule checks. */
  description: string;
  check(facts: Facts): Problem[];
}
