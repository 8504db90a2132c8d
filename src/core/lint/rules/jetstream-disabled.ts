import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/**
 * JETSTREAM_ACCOUNT_IGNORED and JETSTREAM_DOMAIN_IGNORED: with JetStream off we render neither an account's
 * `jetstream: enabled` nor the domain, so settings that ask for them do nothing.
 */
export const jetstreamDisabled: Rule = {
  id: 'jetstream-disabled',
  description: 'No JetStream setting is left on while JetStream is disabled.',
  check({ topology }) {
    if (topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    for (const acc of topology.accounts) {
      if (!acc.jetstream) continue;
      out.push({
        code: 'JETSTREAM_ACCOUNT_IGNORED',
        severity: 'warning',
        target: { kind: 'account', account: acc.name, field: 'jetstream' },
        message: `account ${acc.name} has jetstream: true, but JetStream is disabled for the topology: its users get no streams`,
        fix: `Enable JetStream for the topology, or set jetstream: false on account ${acc.name}.`,
      });
    }
    if (topology.jetstream.domain) {
      out.push({
        code: 'JETSTREAM_DOMAIN_IGNORED',
        severity: 'warning',
        target: { kind: 'topology', field: 'jetstream.domain' },
        message: `JetStream domain ${q(topology.jetstream.domain)} is set, but JetStream is disabled: the domain is not rendered`,
        fix: 'Enable JetStream, or remove the domain.',
      });
    }
    return out;
  },
};
