import type { Rule } from '../../check/rule';
import { q, repeated } from '../support';

/** ACCOUNT_DUPLICATE: nats-server keeps the last block of a repeated account and silently drops the others' users. */
export const accountUnique: Rule = {
  id: 'account-unique',
  description: 'No two accounts share a name.',
  check({ topology }) {
    return repeated(topology.accounts, (a) => a.name).map((group) => ({
      code: 'ACCOUNT_DUPLICATE',
      severity: 'error' as const,
      target: { kind: 'account' as const, account: group[0].name, field: 'name' },
      message: `${group.length} accounts are named ${q(group[0].name)}: the server keeps only the last one, and the users of the others cannot log in`,
      fix: 'Merge them into one account, or rename all but one.',
    }));
  },
};
