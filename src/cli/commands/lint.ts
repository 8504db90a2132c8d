import { sortProblems } from '../../core';
import { lint } from '../../core/lint';
import { budget } from '../../core/budget';
import { EXIT, readTopologyFile } from '../io';
import { countBySeverity, formatProblems } from '../format';

/** `lint <file>`: the design's problems and the kind budget's; exit 1 when any is an error. */
export function lintCommand(file: string, format: 'text' | 'json', log: (s: string) => void): number {
  const topology = readTopologyFile(file);
  const problems = sortProblems([...lint(topology), ...budget(topology).problems]);
  if (format === 'json') log(JSON.stringify({ file, problems }, null, 2));
  else log(`${formatProblems(problems)}\n\n${file}: ${countBySeverity(problems)}`);
  return problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
}
