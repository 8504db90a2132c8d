import { bundleOutputSize, OUTPUT_LIMITS, outputSizeProblem } from '../../bundle/output-size';
import type { Rule } from '../../check/rule';

/**
 * OUTPUT_TOO_LARGE: every conf lists every user and every other cluster of its system, so a design small enough for a
 * share link can render gigabytes. Past OUTPUT_LIMITS nothing renders it: the CLI refuses even with --force, and the
 * designer shows this instead of its previews.
 */
export const outputSize: Rule = {
  id: 'output-size',
  description: `The bundle stays within ${OUTPUT_LIMITS.userEntries} user entries over all confs and about ${OUTPUT_LIMITS.chars / 1024 / 1024} MB of text.`,
  check({ topology }) {
    const problem = outputSizeProblem(bundleOutputSize(topology));
    if (!problem) return [];
    return [
      {
        code: 'OUTPUT_TOO_LARGE',
        severity: 'error',
        target: { kind: 'topology' },
        message: `${problem}: every conf lists every user and every other cluster of its gateway system, so nothing renders this design`,
        fix: 'Use fewer users (give clients one user per application, not per instance), fewer clusters, or split the design into separate topologies.',
      },
    ];
  },
};
