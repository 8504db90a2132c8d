import type { Rule } from '../../check/rule';
import { joinNames } from '../support';

/**
 * AUTH_NONE: without any user we render no passwords (a system user alone would lock every client out), so clients
 * connect without authentication into the global account $G.
 * JETSTREAM_UNREACHABLE: the same, while accounts exist and JetStream is on: $G gets no JetStream once other accounts
 * exist, so no client can use it (booted on 2.9.10: "JetStream not enabled for account").
 */
export const authentication: Rule = {
  id: 'authentication',
  description: 'Notes when no account has users, so clients connect without authentication.',
  check({ topology }) {
    const { accounts } = topology;
    if (accounts.some((a) => a.users.length > 0)) return [];
    const message =
      accounts.length === 0
        ? 'there are no accounts: clients connect without authentication and share the global account $G'
        : `no account has users: clients connect without authentication into the global account $G, not into ${joinNames(accounts.map((a) => a.name))}` +
          (topology.jetstream.enabled ? ', and $G has no JetStream once other accounts exist' : '');
    if (accounts.length > 0 && topology.jetstream.enabled) {
      return [
        {
          code: 'JETSTREAM_UNREACHABLE',
          severity: 'warning',
          target: { kind: 'topology', field: 'accounts' },
          message: `${message}: no client can use JetStream`,
          fix: `Add a user to ${joinNames(accounts.map((a) => a.name))} (clients then log in to it and get its JetStream), or remove the accounts.`,
        },
      ];
    }
    return [
      {
        code: 'AUTH_NONE',
        severity: 'info',
        target: { kind: 'topology', field: 'accounts' },
        message,
        fix: 'Fine for a local experiment; to require passwords, add an account with a user (the bundle then generates passwords into its Secret).',
      },
    ];
  },
};
