import { SYSTEM_ACCOUNT, SYSTEM_USER } from '../../names';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/** User names we accept: a letter or digit first, then letters, digits, '_', '.' and '-'. */
export const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** USER_NAME_RESERVED (the system user we render) and USER_NAME_INVALID. */
export const userName: Rule = {
  id: 'user-name',
  description: `User names are not "${SYSTEM_USER}" and match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$.`,
  check({ topology }) {
    const out: Problem[] = [];
    for (const acc of topology.accounts) {
      const target = { kind: 'account', account: acc.name, field: 'users' } as const;
      for (const user of new Set(acc.users)) {
        if (user === SYSTEM_USER) {
          out.push({
            code: 'USER_NAME_RESERVED',
            severity: 'error',
            target,
            message: `account ${acc.name} has a user ${q(user)}, the name of the system user in ${SYSTEM_ACCOUNT} that every bundle renders: the server refuses to start (Duplicate user)`,
            fix: 'Rename the user.',
          });
        } else if (!USER_NAME.test(user)) {
          out.push({
            code: 'USER_NAME_INVALID',
            severity: 'error',
            target,
            message: `user ${q(user)} in account ${acc.name} must start with a letter or digit and hold only letters, digits, '_', '.' and '-' (at most 64 characters)`,
            fix: `Rename it, e.g. ${q(
              user
                .replace(/[^A-Za-z0-9_.-]+/g, '-')
                .replace(/^[^A-Za-z0-9]+/, '')
                .slice(0, 64) || 'app',
            )}.`,
          });
        }
      }
    }
    return out;
  },
};
