import type { Rule } from '../../check/rule';

/** ACCOUNT_NO_USERS: an account without users exists in nats.conf, but no client can connect to it. */
export const accountUsers: Rule = {
  id: 'account-users',
  description: 'Every account has at least one user.',
  check({ topology }) {
    return topology.accounts
      .filter((a) => a.users.length === 0)
      .map((a) => ({
        code: 'ACCOUNT_NO_USERS',
        severity: 'info' as const,
        target: { kind: 'account' as const, account: a.name, field: 'users' },
        message: `account ${a.name} has no users: no client can connect to it`,
        fix: `Add a user to ${a.name}, or remove the account.`,
      }));
  },
};
