/**
 * The structure of a nats.conf as nats-server's lexer reads it (`conf/lex.go` of 2.14.9, the same rules as 2.9.10),
 * with every string replaced by a placeholder: two confs with the same skeleton differ only inside strings. The
 * fuzzer compares the conf of a hostile design with the conf of the same design under plain names: a name that
 * broke out of its string (a key, a block, a user of its own) changes the skeleton.
 *
 * Only what lex.go does for the text our renderer writes is modelled: comments, quoted and bare keys, key
 * separators, double-quoted strings with the six escapes the lexer knows (any other is an error token), single-quoted
 * strings (no escapes), variables, numbers and bare words, maps and arrays.
 */

export function confSkeleton(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  const at = (k = 0) => text[i + k] ?? '';
  const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
  const skipSpaceAndComments = () => {
    for (;;) {
      while (i < text.length && isSpace(at())) i++;
      if (at() === '#' || (at() === '/' && at(1) === '/')) {
        while (i < text.length && at() !== '\n') i++;
        continue;
      }
      return;
    }
  };
  /** The contexts open: `{` maps (keys come first) and `[` arrays (values only). */
  const stack: ('map' | 'array')[] = ['map'];

  const readValue = () => {
    const c = at();
    if (c === '"') {
      i++;
      let ok = true;
      while (i < text.length && at() !== '"') {
        if (at() === '\\') {
          const e = at(1);
          if (e === 'x') {
            if (!/^[0-9a-fA-F]{2}$/.test(text.slice(i + 2, i + 4))) ok = false;
            i += 4;
            continue;
          }
          if (!'tnr"\\'.includes(e) || e === '') ok = false;
          i += 2;
          continue;
        }
        if (at() === '\n') ok = false;
        i++;
      }
      if (i >= text.length) ok = false;
      i++;
      out.push(ok ? 'STRING' : 'BAD-STRING');
      return;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      out.push(end === -1 || text.slice(i + 1, end).includes('\n') ? 'BAD-STRING' : 'STRING');
      i = end === -1 ? text.length : end + 1;
      return;
    }
    if (c === '{') {
      i++;
      out.push('{');
      stack.push('map');
      return;
    }
    if (c === '[') {
      i++;
      out.push('[');
      stack.push('array');
      return;
    }
    // A bare value runs to white space, a separator or a closing bracket.
    const start = i;
    while (i < text.length && !isSpace(at()) && !',;]}'.includes(at())) i++;
    const word = text.slice(start, i);
    if (word.startsWith('$')) out.push(/^\$NATS_PASSWORD_[A-Z0-9_]+$/.test(word) ? '$PASSWORD' : word);
    else if (/^-?\d+$/.test(word)) out.push('NUMBER');
    else out.push(`WORD:${word}`);
  };

  for (;;) {
    skipSpaceAndComments();
    if (i >= text.length) break;
    const c = at();
    if (c === ',' || c === ';') {
      i++;
      continue;
    }
    if (c === '}' || c === ']') {
      const open = stack.pop();
      out.push(open === (c === '}' ? 'map' : 'array') ? c : `MISMATCHED${c}`);
      i++;
      continue;
    }
    if (stack[stack.length - 1] === 'array') {
      readValue();
      continue;
    }
    // A key: quoted keys run to the next quote of their kind, no escapes; bare keys to white space or a separator.
    let key: string;
    if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      key = end === -1 ? '\0unterminated' : text.slice(i + 1, end);
      i = end === -1 ? text.length : end + 1;
      out.push('KEY');
    } else {
      const start = i;
      while (i < text.length && !isSpace(at()) && at() !== ':' && at() !== '=') i++;
      key = text.slice(start, i);
      out.push(`KEY:${key}`);
    }
    if (key.includes('\n')) out.push('BAD-KEY');
    while (at() === ' ' || at() === '\t') i++;
    if (at() === ':' || at() === '=') i++;
    while (at() === ' ' || at() === '\t') i++;
    readValue();
  }
  if (stack.length !== 1) out.push('UNCLOSED');
  return out;
}
