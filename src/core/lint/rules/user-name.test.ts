import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { userName } from './user-name';
import { factsOf } from '../../check/facts';

function withUsers(...users: string[]) {
  return topologyFrom({ accounts: [{ name: 'APP', users }] });
}

describe('user-name', () => {
  it('reports a user named sys, the rendered system user', () => {
    // given
    const t = withUsers('app', 'sys');
    // when
    const problems = userName.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'USER_NAME_RESERVED', severity: 'error', target: { kind: 'account', account: 'APP', field: 'users' } }),
    ]);
    expect(problems[0].message).toContain('Duplicate user');
  });

  it.each(['-app', 'app user', 'app@home', '.hidden'])('reports invalid user name %j', (user) => {
    // given
    const t = withUsers(user);
    // when / then
    expect(codes(userName.check(factsOf(t)))).toEqual(['USER_NAME_INVALID']);
  });

  it('reports a repeated invalid name once', () => {
    // given
    const t = withUsers('a b', 'a b');
    // when / then
    expect(codes(userName.check(factsOf(t)))).toEqual(['USER_NAME_INVALID']);
  });

  it('accepts letters, digits, _, . and - after a letter or digit', () => {
    // given
    const t = withUsers('app', '1worker', 'svc.orders_v2-eu', 'SYS');
    // when / then
    expect(codes(userName.check(factsOf(t)))).toEqual([]);
  });
});
