import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { accountUnique } from './account-unique';
import { factsOf } from '../../check/facts';

describe('account-unique', () => {
  it('reports a repeated account, whose earlier users the server drops', () => {
    // given
    const t = topologyFrom({
      accounts: [
        { name: 'APP', users: ['a'] },
        { name: 'APP', users: ['b'] },
      ],
    });
    // when
    const problems = accountUnique.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'ACCOUNT_DUPLICATE', severity: 'error', target: { kind: 'account', account: 'APP', field: 'name' } }),
    ]);
    expect(problems[0].message).toContain('2 accounts are named "APP"');
  });

  it('accepts names that differ only in case, which NATS keeps apart', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'APP' }, { name: 'app' }] });
    // when / then
    expect(codes(accountUnique.check(factsOf(t)))).toEqual([]);
  });
});
