import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { accountUsers } from './account-users';
import { factsOf } from '../../check/facts';

describe('account-users', () => {
  it('notes an account that nobody can use', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'APP', users: ['app'] }, { name: 'EMPTY' }] });
    // when
    const problems = accountUsers.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'ACCOUNT_NO_USERS', severity: 'info', target: { kind: 'account', account: 'EMPTY', field: 'users' } }),
    ]);
  });

  it('accepts accounts with users, and no accounts', () => {
    // given
    const withUsers = topologyFrom({ accounts: [{ name: 'APP', users: ['app'] }] });
    const none = topologyFrom();
    // when / then
    expect(codes(accountUsers.check(factsOf(withUsers)))).toEqual([]);
    expect(codes(accountUsers.check(factsOf(none)))).toEqual([]);
  });
});
