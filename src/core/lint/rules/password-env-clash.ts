import { passwordEnvVar, SYSTEM_USER } from '../../names';
import type { Rule } from '../../check/rule';
import { joinNames, q, repeated } from '../support';

/**
 * USER_PASSWORD_ENV_CLASH: each user's password reaches the server through an environment variable derived from
 * the name (`a-b` and `a_b` both give NATS_PASSWORD_A_B), so distinct names can share one variable and one password.
 */
export const passwordEnvClash: Rule = {
  id: 'password-env-clash',
  description: 'Distinct users get distinct password environment variables.',
  check({ topology }) {
    const users = topology.accounts.flatMap((a) => a.users.map((user) => ({ user, account: a.name })));
    if (users.length === 0) return [];
    // The system user is rendered whenever any user exists, and takes part in the clash.
    const distinct = [{ user: SYSTEM_USER, account: null as string | null }];
    const seen = new Set([SYSTEM_USER]);
    for (const e of users) {
      if (seen.has(e.user)) continue;
      seen.add(e.user);
      distinct.push(e);
    }
    return repeated(distinct, (e) => passwordEnvVar(e.user)).map((group) => {
      const names = group.map((e) => (e.account === null ? `the system user ${q(e.user)}` : q(e.user)));
      const last = group[group.length - 1];
      return {
        code: 'USER_PASSWORD_ENV_CLASH',
        severity: 'error' as const,
        target: { kind: 'account' as const, account: last.account ?? '', field: 'users' },
        message: `users ${joinNames(names)} ${group.length === 2 ? 'both' : 'all'} take their password from ${passwordEnvVar(last.user)}: the bundle cannot give them separate passwords`,
        fix: 'Rename all but one so that, upper-cased with other characters as _, the names differ.',
      };
    });
  },
};
