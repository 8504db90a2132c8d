/**
 * Which lines of a new text differ from the old one, for the preview's brief highlight, and the one edit that
 * turns old into new while leaving the common head and tail alone (so the editor keeps its scroll position).
 */

export interface TextChange {
  /** 1-based line numbers in the new text that are new or changed. */
  changed: number[];
  /** Lines [startLine, oldEndLine) of the old text are replaced by `text` (1-based, end exclusive). */
  edit: { startLine: number; oldEndLine: number; lines: string[] } | null;
}

/** Longest common subsequence only when the differing middle is this small; otherwise the whole middle counts. */
const LCS_LIMIT = 250_000;

export function diffLines(oldText: string, newText: string): TextChange {
  if (oldText === newText) return { changed: [], edit: null };
  const a = oldText.split('\n');
  const b = newText.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const edit = { startLine: head + 1, oldEndLine: head + 1 + midA.length, lines: midB };
  if (midB.length === 0) return { changed: [], edit };
  if (midA.length === 0 || midA.length * midB.length > LCS_LIMIT) {
    return { changed: midB.map((_, i) => head + 1 + i), edit };
  }
  const kept = lcsKeptInB(midA, midB);
  const changed: number[] = [];
  midB.forEach((_, i) => {
    if (!kept[i]) changed.push(head + 1 + i);
  });
  return { changed, edit };
}

/** Marks the lines of b that belong to a longest common subsequence with a. */
function lcsKeptInB(a: string[], b: string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  const kept = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept[j] = true;
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

/** Ranges of consecutive line numbers: [3,4,5,9] → [[3,5],[9,9]]. */
export function toRanges(lines: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    if (last && l === last[1] + 1) last[1] = l;
    else out.push([l, l]);
  }
  return out;
}

/** A replacement of the text between two positions (1-based lines and columns, end exclusive), as an editor takes it. */
export interface RangeEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/**
 * The edit of `diffLines` as one editor range: lines [startLine, oldEndLine) replaced by `lines`. `lineCount` and
 * `lineLength` describe the old text (`lineLength(n)` is line n's length without its newline).
 */
export function toRangeEdit(edit: NonNullable<TextChange['edit']>, lineCount: number, lineLength: (line: number) => number): RangeEdit {
  if (edit.oldEndLine <= lineCount) {
    // Whole lines up to the start of a line that stays: each new line with its newline.
    return { startLine: edit.startLine, startColumn: 1, endLine: edit.oldEndLine, endColumn: 1, text: edit.lines.map((l) => `${l}\n`).join('') };
  }
  const end = { endLine: lineCount, endColumn: lineLength(lineCount) + 1 };
  if (edit.startLine > 1) {
    // The changed lines run to the end of the text: replace from the end of the line before them.
    const before = edit.startLine - 1;
    return { startLine: before, startColumn: lineLength(before) + 1, ...end, text: edit.lines.map((l) => `\n${l}`).join('') };
  }
  return { startLine: 1, startColumn: 1, ...end, text: edit.lines.join('\n') };
}
