import { PASSWORD_ENV_PREFIX, RESERVED_ACCOUNTS, SYSTEM_ACCOUNT } from '../../names';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/** Account names we accept: a letter first, then letters, digits, '_' and '-'. */
export const ACCOUNT_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const WHY_RESERVED: Record<string, string> = {
  [SYSTEM_ACCOUNT]: 'the system account every bundle renders',
  $SYS: "the server's default system account",
  $G: "the server's global account",
  GLOBAL: "reserved to avoid confusion with the server's global account $G",
};

/** The reserved name `name` would clash with, or null. SYS is matched in any case: `sys` next to `SYS` is a trap. */
export function reservedAccount(name: string): string | null {
  if (name.toUpperCase() === SYSTEM_ACCOUNT) return SYSTEM_ACCOUNT;
  return RESERVED_ACCOUNTS.includes(name) ? name : null;
}

/** ACCOUNT_NAME_RESERVED, ACCOUNT_NAME_INVALID and ACCOUNT_NAME_PASSWORD_VARIABLE. */
export const accountName: Rule = {
  id: 'account-name',
  description: 'Account names are not reserved, do not start with NATS_PASSWORD_, and match ^[A-Za-z][A-Za-z0-9_-]{0,63}$.',
  check({ topology }) {
    const out: Problem[] = [];
    for (const { name } of topology.accounts) {
      const target = { kind: 'account', account: name, field: 'name' } as const;
      const reserved = reservedAccount(name);
      if (reserved) {
        out.push({
          code: 'ACCOUNT_NAME_RESERVED',
          severity: 'error',
          target,
          message: `account name ${q(name)} is reserved: ${reserved} is ${WHY_RESERVED[reserved] ?? 'reserved'}`,
          fix: 'Rename the account, e.g. "APP".',
        });
      } else if (!ACCOUNT_NAME.test(name)) {
        out.push({
          code: 'ACCOUNT_NAME_INVALID',
          severity: 'error',
          target,
          message: `account name ${q(name)} must start with a letter and hold only letters, digits, '_' and '-' (at most 64 characters)`,
          fix: `Rename it, e.g. ${q(
            name
              .replace(/[^A-Za-z0-9_-]+/g, '_')
              .replace(/^[^A-Za-z]+/, '')
              .slice(0, 64) || 'APP',
          )}.`,
        });
      } else if (name.startsWith(PASSWORD_ENV_PREFIX)) {
        // nats-server resolves `$NAME` in the enclosing blocks before the environment, and account names are keys of
        // the `accounts` block around every user entry: the password would be that account's block.
        out.push({
          code: 'ACCOUNT_NAME_PASSWORD_VARIABLE',
          severity: 'error',
          target,
          message: `account name ${q(name)} starts with ${PASSWORD_ENV_PREFIX}, like the variables that carry passwords: nats-server would read a user's password $${name} as this account's block and refuse to start`,
          fix: `Rename the account, e.g. ${q(name.slice(PASSWORD_ENV_PREFIX.length) || 'APP')}.`,
        });
      }
    }
    return out;
  },
};
