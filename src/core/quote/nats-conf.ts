/**
 * How text goes into `nats.conf`: the one place that knows nats-server's lexer (`conf/lex.go`, the same in 2.9.10
 * and 2.14.9; the round trip is tested against both in `test/conf-quoting.test.ts`).
 *
 * - A double-quoted **value** knows exactly six escapes: `\"`, `\\`, `\t`, `\n`, `\r` and `\xHH` (one byte). Any
 *   other escape is a parse error, so JSON's `\u0001` or `\ud800` breaks the file.
 * - A quoted **key** knows none: `"…"` runs to the next `"`, `'…'` to the next `'`, backslashes included. A key can
 *   hold one kind of quote or the other, never both, and no escape can change that.
 */

import { hash53 } from '../hash';
import { hasLoneSurrogate, replaceLoneSurrogates } from '../unicode';

// eslint-disable-next-line no-control-regex
const VALUE_ESCAPES = /[\\"\u0000-\u001f\u007f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * `s` as a double-quoted nats.conf value that the server reads back as exactly `s`. The only text it cannot carry
 * is a lone surrogate (the parser refuses those), which becomes U+FFFD.
 */
export function confString(s: string): string {
  const escaped = replaceLoneSurrogates(s).replace(VALUE_ESCAPES, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\t':
        return '\\t';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      default:
        return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** Whether {@link confKey} writes `s` so the server reads back exactly `s` (the lint refuses names that are not). */
export function isConfKey(s: string): boolean {
  return s.length > 0 && !CONTROL.test(s) && !hasLoneSurrogate(s) && !(s.includes('"') && s.includes("'"));
}

/**
 * `s` as a quoted nats.conf key: in double quotes, or in single quotes when it holds a `"`. A key the lexer cannot
 * read back (both quotes, a control character, a lone surrogate; only a design forced past the lint has one) is
 * written as a different, harmless key: its safe characters and a hash of the name, so it can neither end early nor
 * merge with another.
 */
export function confKey(s: string): string {
  if (isConfKey(s)) return s.includes('"') ? `'${s}'` : `"${s}"`;
  // eslint-disable-next-line no-control-regex
  const safe = replaceLoneSurrogates(s, '').replace(/["'\u0000-\u001f\u007f]/g, '_');
  return `"${safe}-${hash53(s).slice(0, 8)}"`;
}
