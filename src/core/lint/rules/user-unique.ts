import type { Rule } from '../../check/rule';
import { joinNames, q, repeated } from '../support';

/** USER_DUPLICATE: nats-server refuses to start when one user name appears twice, in one account or across accounts. */
export const userUnique: Rule = {
  id: 'user-unique',
  description: 'Every user name appears once across all accounts.',
  check({ topology }) {
    const entries = topology.accounts.flatMap((a) => a.users.map((user) => ({ user, account: a.name })));
    return repeated(entries, (e) => e.user).map((group) => {
      const accounts = [...new Set(group.map((e) => e.account))];
      const where = accounts.length === 1 ? `${group.length} times in account ${accounts[0]}` : `in accounts ${joinNames(accounts)}`;
      return {
        code: 'USER_DUPLICATE',
        severity: 'error' as const,
        target: { kind: 'account' as const, account: group[group.length - 1].account, field: 'users' },
        message: `user ${q(group[0].user)} appears ${where}: every server refuses to start (Duplicate user "${group[0].user}" detected)`,
        fix: 'Keep the user in one account only, once; give the other clients their own user names.',
      };
    });
  },
};
