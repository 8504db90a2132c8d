import { describe, expect, it } from 'vitest';
import { budgetCodeName, splitCodeRefs } from './budget-codes';

describe('budget codes in the panel', () => {
  it('gives each code a readable name, and an unknown code itself', () => {
    expect(budgetCodeName('H1w')).toBe('Memory requests near the usable memory');
    expect(budgetCodeName('Z9')).toBe('Z9');
  });

  it('finds "see D1" in a message, so it can link to that item', () => {
    expect(splitCodeRefs('budget the VM disk for max_file_store (see D1).')).toEqual([
      { text: 'budget the VM disk for max_file_store (see ' },
      { ref: 'D1' },
      { text: ').' },
    ]);
  });

  it('leaves text with no code, and words that only look like one (kind v1, a K8 name), as they are', () => {
    expect(splitCodeRefs('Lower limits, set GOMEMLIMIT.')).toEqual([{ text: 'Lower limits, set GOMEMLIMIT.' }]);
    expect(splitCodeRefs('node x9 and S9')).toEqual([{ text: 'node x9 and S9' }]);
  });
});
