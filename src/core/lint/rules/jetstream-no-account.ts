import type { Rule } from '../../check/rule';

/**
 * JETSTREAM_NO_ACCOUNT: once any application account exists, the global account gets no JetStream, so JetStream
 * is usable only through accounts with `jetstream: true`.
 */
export const jetstreamNoAccount: Rule = {
  id: 'jetstream-no-account',
  description: 'When JetStream is on and accounts exist, at least one account may use it.',
  check({ topology }) {
    const { accounts } = topology;
    if (!topology.jetstream.enabled || accounts.length === 0 || accounts.some((a) => a.jetstream)) return [];
    return [
      {
        code: 'JETSTREAM_NO_ACCOUNT',
        severity: 'info',
        target: { kind: 'topology', field: 'jetstream' },
        message:
          'JetStream is enabled, but no account has jetstream: true, and with accounts configured the global account gets none either: no client can use JetStream',
        fix: 'Set jetstream: true on the accounts that need streams, or disable JetStream.',
      },
    ];
  },
};
