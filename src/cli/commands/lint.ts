import { changes, check, sortProblems, survivalStatement } from '../../core';
import { EXIT, readTopologyFile } from '../io';
import { countBySeverity, formatProblems } from '../format';

/**
 * `lint <file>`: the design's problems and the kind budget's, and with `--previous <file>` (the design that runs now)
 * the day-2 changes between them; exit 1 when any is an error.
 */
export function lintCommand(file: string, format: 'text' | 'json', log: (s: string) => void, previousFile?: string): number {
  const topology = readTopologyFile(file);
  const previous = previousFile === undefined ? null : readTopologyFile(previousFile);
  const problems = sortProblems([...check(topology), ...(previous ? changes(previous, topology) : [])]);
  const survives = survivalStatement(topology);
  if (format === 'json') log(JSON.stringify({ file, problems, survives }, null, 2));
  else
    log(
      `${formatProblems(problems)}\n\nWhat it survives: ${survives.summary.join(' ')}\n${survives.details.map((d) => `  - ${d}`).join('\n')}\n\n${file}: ${countBySeverity(problems)}`,
    );
  return problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
}
