import { describe, expect, it } from 'vitest';
import { diffLines, toRangeEdit, toRanges, type RangeEdit } from './line-diff';

describe('changed lines of a preview', () => {
  it('finds nothing in equal texts', () => {
    expect(diffLines('a\nb', 'a\nb')).toEqual({ changed: [], edit: null });
  });

  it('marks an inserted block', () => {
    const { changed } = diffLines('a\nb\nz', 'a\nb\ngateway {\n  x\n}\nz');
    expect(changed).toEqual([3, 4, 5]);
  });

  it('marks changed lines in the middle, not the common ones', () => {
    const { changed } = diffLines('a\nb\nc\nd\ne', 'a\nB\nc\nD\ne');
    expect(changed).toEqual([2, 4]);
  });

  it('marks nothing for a pure deletion, but still edits', () => {
    const { changed, edit } = diffLines('a\nb\nc', 'a\nc');
    expect(changed).toEqual([]);
    expect(edit).toEqual({ startLine: 2, oldEndLine: 3, lines: [] });
  });

  it('groups line numbers into ranges', () => {
    expect(toRanges([3, 4, 5, 9, 11, 12])).toEqual([
      [3, 5],
      [9, 9],
      [11, 12],
    ]);
  });

  it('turns the edit into one editor range that makes the old text the new one', () => {
    const cases: [string, string][] = [
      ['a\nb\nc', 'a\nB\nc'],
      ['a\nb\nc', 'a\nb\nc\nd'],
      ['a\nb\nc', 'a'],
      ['a\nb\nc', 'x\ny'],
      ['a', 'a\nb'],
      ['a\nb\n', 'a\nb\nc\n'],
      ['routes [\n  1\n  2\n]\nend\n', 'routes [\n  1\n  2\n  3\n  4\n]\nend\n'],
      ['', 'a\nb'],
      ['a\nb', ''],
    ];
    for (const [before, after] of cases) {
      const { edit } = diffLines(before, after);
      const lines = before.split('\n');
      expect(
        applyRange(
          before,
          toRangeEdit(edit!, lines.length, (n) => lines[n - 1].length),
        ),
        JSON.stringify([before, after]),
      ).toBe(after);
    }
  });
});

/** Applies a range edit to a text the way an editor does (1-based lines and columns). */
function applyRange(text: string, r: RangeEdit): string {
  const lines = text.split('\n');
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  return text.slice(0, offset(r.startLine, r.startColumn)) + r.text + text.slice(offset(r.endLine, r.endColumn));
}
