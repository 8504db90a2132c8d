/** Import: text from a file, a drop or a paste becomes the design through `parseTopology`, or a list of errors. */
import type { ParseError } from '../../core';

/** Files bigger than this are refused before reading: the parser reads at most 2 MB of text anyway. */
export const IMPORT_MAX_BYTES = 4_000_000;

/**
 * Whether pasted text is meant as a topology rather than anything else on the clipboard: YAML whose first key is
 * `version` (after comments or a `---`), or a JSON object with a `version` key.
 */
export function looksLikeTopology(text: string): boolean {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{')) return /"version"\s*:/.test(t.slice(0, 4000));
  const lines = t.split('\n');
  for (const line of lines) {
    const l = line.trim();
    if (l === '' || l.startsWith('#') || l === '---') continue;
    return /^version\s*:/.test(l);
  }
  return false;
}

/** One parser error as `line:column path: message` (or `path: message` when there is no position). */
export function formatParseError(e: ParseError): string {
  const where = e.line !== undefined ? `${e.line}:${e.column ?? 1} ` : '';
  return `${where}${e.path}: ${e.message}`;
}
