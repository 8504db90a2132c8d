import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { userUnique } from './user-unique';
import { factsOf } from '../../check/facts';

describe('user-unique', () => {
  it("reports a user in two accounts with the server's refusal", () => {
    // given
    const t = topologyFrom({
      accounts: [
        { name: 'A', users: ['u', 'x'] },
        { name: 'B', users: ['u'] },
      ],
    });
    // when
    const problems = userUnique.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'USER_DUPLICATE', severity: 'error', target: { kind: 'account', account: 'B', field: 'users' } }),
    ]);
    expect(problems[0].message).toBe('user "u" appears in accounts A and B: every server refuses to start (Duplicate user "u" detected)');
  });

  it('reports a user listed twice in one account', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'A', users: ['u', 'u'] }] });
    // when / then
    expect(userUnique.check(factsOf(t))[0].message).toContain('appears 2 times in account A');
  });

  it('accepts users that differ in case', () => {
    // given
    const t = topologyFrom({
      accounts: [
        { name: 'A', users: ['u'] },
        { name: 'B', users: ['U'] },
      ],
    });
    // when / then
    expect(codes(userUnique.check(factsOf(t)))).toEqual([]);
  });
});
