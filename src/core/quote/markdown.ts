/**
 * How names go into the READMEs (CommonMark with GitHub's tables): as text that shows exactly the name and can start
 * nothing, neither a link, an HTML tag, emphasis nor a new table cell. Names the lint accepts pass unchanged.
 * Tested by rendering with a real Markdown renderer (`test/readme-quoting.test.ts`).
 */
import { replaceLoneSurrogates } from '../unicode';

/** No line break, control character or lone surrogate: a name stays on its line, whatever a forced design holds. */
function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return replaceLoneSurrogates(s).replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
}

/** Characters some renderers end a line at (CommonMark does not): written as references, which no renderer does. */
const LINE_LIKE = /[\u0085\u2028\u2029]/;

/** Each character as a numeric character reference. */
function references(chars: string): string {
  return [...chars].map((c) => `&#${c.codePointAt(0)};`).join('');
}

/**
 * `s` as inline Markdown text: every character that could open an inline construct (emphasis, a link, a tag, an
 * entity, a code span) or end a table cell is backslash-escaped, and white space at either end (which a heading or
 * a table cell would trim) and line separators are written as character references. Letters, digits, `-` and `.`
 * stay as they are.
 */
export function mdText(s: string): string {
  const escaped = oneLine(s).replace(/[\\`*_{}[\]()<>#+!|&~"'$^=:;,/@%?]/g, '\\$&');
  return escaped.replace(/^\s+|\s+$|[\u0085\u2028\u2029]/g, references);
}

/**
 * `s` as an inline code span: a fence of more backticks than any run in `s`, padded with a space where `s` starts or
 * ends with a backtick or space (CommonMark strips one space from each side, unless the code is only spaces). In a
 * table cell (`table`) a `|` ends the cell even inside a code span, and a backslash before it changes which `|`
 * counts: such a name is written as an HTML `<code>` element with character references instead.
 */
export function mdCode(s: string, table = false): string {
  const text = oneLine(s);
  // Inline HTML's text is still Markdown: every ASCII punctuation character as a reference, so none means anything.
  if ((table && text.includes('|')) || LINE_LIKE.test(text)) return `<code>${text.replace(/[!-/:-@[-`{-~\u0085\u2028\u2029]/g, references)}</code>`;
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && !/^ *$/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
