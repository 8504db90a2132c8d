/**
 * YAML (or JSON) text to a document, in time linear in the text and with bounded nesting. `parseDocument` of the
 * `yaml` package is the same three steps (lexer, CST parser, composer); done here one step at a time so that
 *
 * - nesting stops at {@link MAX_NESTING} levels while the text is being read: the composer recurses once per level
 *   (a few thousand `[` overflow the stack) and the CST parser slows down with depth, while a topology nests six
 *   levels deep at most;
 * - duplicate keys are found with one Set per mapping: the package's own `uniqueKeys` check compares each new key
 *   with every earlier one, which took minutes for a file of 190,000 keys.
 */
import { Composer, isMap, isScalar, isSeq, Lexer, Parser, type Document, type LineCounter, type ParsedNode } from 'yaml';

/** Far more than any topology needs (clusters[].resources.limits.cpu is five deep), far less than a stack overflow. */
export const MAX_NESTING = 64;

export interface YamlProblem {
  message: string;
  /** Offset into the text. */
  offset: number;
}

export type YamlResult = { ok: true; doc: Document.Parsed } | { ok: false; problems: YamlProblem[] };

export function parseYamlDocument(text: string, lineCounter: LineCounter): YamlResult {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens = [];
  lineCounter.addNewLine(0);
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The parser's stack holds the node being built and every collection around it.
    if (parser.stack.length > MAX_NESTING + 2) {
      return { ok: false, problems: [{ message: `nested more than ${MAX_NESTING} levels deep; a topology needs a few`, offset: parser.offset }] };
    }
  }
  for (const token of parser.end()) tokens.push(token);

  const composer = new Composer({ prettyErrors: false, uniqueKeys: false, strict: true });
  let doc: Document.Parsed | null = null;
  const problems: YamlProblem[] = [];
  for (const next of composer.compose(tokens, true, text.length)) {
    if (!doc) doc = next;
    else {
      problems.push({ message: 'Source contains multiple documents; a topology file holds one', offset: next.range[0] });
      break;
    }
  }
  if (!doc) return { ok: false, problems: [{ message: 'unreadable YAML', offset: 0 }] };
  const found = doc.errors.map((e) => ({ message: e.message.split('\n')[0], offset: e.pos[0] })).concat(problems);
  if (found.length === 0) for (const p of duplicateKeys(doc.contents)) found.push(p);
  return found.length > 0 ? { ok: false, problems: found } : { ok: true, doc };
}

/**
 * Keys that repeat within one mapping, in one pass over the document (no recursion: the nesting is bounded, but a
 * walk with a list costs nothing). Scalar keys compare by value as the package's own check does (`1` and `"1"` differ).
 */
function duplicateKeys(root: ParsedNode | null): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          if (seen.has(pair.key.value)) problems.push({ message: 'Map keys must be unique', offset: pair.key.range?.[0] ?? 0 });
          seen.add(pair.key.value);
        }
        pending.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      // One at a time: spreading a list of 100,000 users into push() would pass too many arguments.
      for (const item of node.items) pending.push(item);
    }
  }
  return problems.sort((a, b) => a.offset - b.offset);
}
