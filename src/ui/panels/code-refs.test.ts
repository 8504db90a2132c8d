import { describe, expect, it } from 'vitest';
import { splitCodeRefs } from './code-refs';

describe('code references in budget messages', () => {
  it('finds "see D1" in a message, so it can link to that item', () => {
    expect(splitCodeRefs('budget the VM disk for max_file_store (see D1).')).toEqual([
      { text: 'budget the VM disk for max_file_store (see ' },
      { ref: 'D1' },
      { text: ').' },
    ]);
  });

  it('leaves text with no code, words that only look like one, and retired codes (M1) as they are', () => {
    expect(splitCodeRefs('Lower limits, set GOMEMLIMIT.')).toEqual([{ text: 'Lower limits, set GOMEMLIMIT.' }]);
    expect(splitCodeRefs('node x9 and S9')).toEqual([{ text: 'node x9 and S9' }]);
    expect(splitCodeRefs('M1 is the lint now')).toEqual([{ text: 'M1 is the lint now' }]);
  });
});
