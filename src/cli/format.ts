import { describeTarget, type Problem } from '../core';

/** A plain text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Problems, one block each: `error   S2  kind (memory): message` then the fix. */
export function formatProblems(problems: Problem[]): string {
  if (problems.length === 0) return 'No problems.';
  return problems.map((p) => `${p.severity.padEnd(7)} ${p.code}  ${describeTarget(p.target)}: ${p.message}\n        fix: ${p.fix}`).join('\n');
}

export function countBySeverity(problems: Problem[]): string {
  const n = (s: string) => problems.filter((p) => p.severity === s).length;
  return `${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info`;
}
