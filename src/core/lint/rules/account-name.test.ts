import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { accountName } from './account-name';
import { factsOf } from '../../check/facts';

function withAccounts(...names: string[]) {
  return topologyFrom({ accounts: names.map((name) => ({ name, users: [] })) });
}

describe('account-name', () => {
  it.each(['SYS', 'sys', 'Sys', '$SYS', '$G', 'GLOBAL'])('reports reserved account name %s', (name) => {
    // given
    const t = withAccounts(name);
    // when
    const problems = accountName.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'ACCOUNT_NAME_RESERVED', severity: 'error', target: { kind: 'account', account: name, field: 'name' } }),
    ]);
  });

  it('explains that sys clashes with the rendered system account', () => {
    // given
    const t = withAccounts('sys');
    // when / then
    expect(accountName.check(factsOf(t))[0].message).toBe('account name "sys" is reserved: SYS is the system account every bundle renders');
  });

  it.each(['1APP', 'my app', 'APP.PROD', '_APP'])('reports invalid account name %j', (name) => {
    // given
    const t = withAccounts(name);
    // when / then
    expect(codes(accountName.check(factsOf(t)))).toEqual(['ACCOUNT_NAME_INVALID']);
  });

  it('reports an account named like a password variable, which nats-server would read as a password', () => {
    // given an account named like the variable of a user's password (test/nats-conf-check.test.ts shows the server refuse it)
    const t = withAccounts('NATS_PASSWORD_ALICE');
    // when / then
    expect(codes(accountName.check(factsOf(t)))).toEqual(['ACCOUNT_NAME_PASSWORD_VARIABLE']);
    expect(codes(accountName.check(factsOf(withAccounts('nats_password_alice', 'PASSWORD'))))).toEqual([]);
  });

  it('accepts letters, digits, _ and - after a letter', () => {
    // given
    const t = withAccounts('APP', 'noetl_core-2', 'system');
    // when / then
    expect(codes(accountName.check(factsOf(t)))).toEqual([]);
  });
});
