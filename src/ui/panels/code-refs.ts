import { PROBLEM_CODES, type ProblemCode } from '../../core';

/** A piece of a message: text, or a reference ("see D1") to another problem code. */
export type MessagePart = { text: string } | { ref: ProblemCode };

function isBudgetCode(word: string): word is ProblemCode {
  return Object.hasOwn(PROBLEM_CODES, word) && PROBLEM_CODES[word as ProblemCode].source === 'budget';
}

/**
 * Splits a message at its references to the budget's codes (`see D1`, `S2 catches it`), so each can link to its item.
 * Which words are codes is the core's registry's answer (`check/codes.ts`), never a list of the designer's own.
 */
export function splitCodeRefs(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const re = /\b([SHMDN][0-9]w?)\b/g;
  let last = 0;
  for (const m of message.matchAll(re)) {
    const word = m[1];
    if (!isBudgetCode(word)) continue;
    if (m.index > last) parts.push({ text: message.slice(last, m.index) });
    parts.push({ ref: word });
    last = m.index + word.length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}
