import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { passwordEnvClash } from './password-env-clash';
import { factsOf } from '../../check/facts';

describe('password-env-clash', () => {
  it('reports users whose names map to one password variable', () => {
    // given
    const t = topologyFrom({
      accounts: [
        { name: 'A', users: ['a-b'] },
        { name: 'B', users: ['a_b', 'A.B'] },
      ],
    });
    // when
    const problems = passwordEnvClash.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'USER_PASSWORD_ENV_CLASH', severity: 'error', target: { kind: 'account', account: 'B', field: 'users' } }),
    ]);
    expect(problems[0].message).toBe(
      'users "a-b", "a_b" and "A.B" all take their password from NATS_PASSWORD_A_B: the bundle cannot give them separate passwords',
    );
  });

  it("reports a user whose variable is the system user's", () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'A', users: ['SYS'] }] });
    // when
    const problems = passwordEnvClash.check(factsOf(t));
    // then
    expect(problems[0].message).toContain('the system user "sys" and "SYS" both take their password from NATS_PASSWORD_SYS');
  });

  it('leaves exact duplicates to user-unique and accepts distinct variables', () => {
    // given
    const t = topologyFrom({ accounts: [{ name: 'A', users: ['app', 'app', 'app2'] }] });
    // when / then
    expect(codes(passwordEnvClash.check(factsOf(t)))).toEqual([]);
  });
});
