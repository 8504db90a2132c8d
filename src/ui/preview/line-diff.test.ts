import { describe, expect, it } from 'vitest';
import { diffLines, toRanges } from './line-diff';

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
});
