/** The printed report: aligned tables, number formats, and the targets with their verdicts. */
import type { Stats } from './stats';
import type { Target } from './types';

/** Columns padded to their widest cell; numbers (and anything starting with a digit) right-aligned. */
export function table(header: string[], rows: (string | number)[][]): string[] {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (/^[\d.,-]/.test(c) && i > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)];
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number): string {
  return value < 1 ? value.toFixed(3) : value < 100 ? value.toFixed(2) : value.toFixed(0);
}

/** `median / p95 / min` in one cell. */
export function spread(s: Stats): string {
  return `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.min)}`;
}

export function bytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

export function targetTable(targets: Target[]): string[] {
  return table(
    ['target', 'limit', 'measured', 'verdict', 'note'],
    targets.map((t) => [
      t.label,
      `${t.limit.toLocaleString('en')} ${t.unit}`,
      t.actual === null ? '-' : `${t.unit === 'ms' ? ms(t.actual) : t.actual.toLocaleString('en')} ${t.unit}`,
      t.actual !== null && t.verdict === 'MISS' ? `MISS by ${(((t.actual - t.limit) / t.limit) * 100).toFixed(0)}%` : t.verdict,
      t.note ?? '',
    ]),
  );
}
