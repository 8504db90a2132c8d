import { GATEWAY_CREDENTIAL, passwordEnvVar, ROUTE_CREDENTIAL, SYSTEM_USER } from '../names';
import type { Topology } from '../model';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LETTERS = 52;
export const PASSWORD_LENGTH = 32;

/** Shown in previews, where no real password exists yet. */
export const PASSWORD_PLACEHOLDER = 'generated-when-you-download';

/**
 * A password the server reads back as the same string. nats-server parses an environment variable's value
 * as config text, so it must start with a letter (a digit would be read as a number) and hold no spaces,
 * quotes or comment characters.
 */
export const SAFE_PASSWORD = /^[A-Za-z][A-Za-z0-9_.~-]{11,127}$/;

/**
 * Every user that needs a password: the system user (when any account has users), each account user, and with
 * `security.serverAuth` the route and gateway credentials.
 */
export function passwordUsers(topology: Topology): string[] {
  const users = topology.accounts.flatMap((a) => a.users);
  const server = topology.security?.serverAuth ? [ROUTE_CREDENTIAL, GATEWAY_CREDENTIAL] : [];
  return [...(users.length > 0 ? [SYSTEM_USER, ...users] : []), ...server];
}

/**
 * Strong random passwords for every user. `random` is the caller's CSPRNG (`crypto.getRandomValues` in the
 * browser and in Node); the core itself does no I/O. Letters and digits only, 32 of them (~190 bits).
 */
export function generatePasswords(topology: Topology, random: (n: number) => Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const user of passwordUsers(topology)) {
    if (!out.has(user)) out.set(user, randomPassword(random));
  }
  return out;
}

function randomPassword(random: (n: number) => Uint8Array): string {
  let s = '';
  while (s.length < PASSWORD_LENGTH) {
    for (const b of random(64)) {
      const limit = s.length === 0 ? 256 - (256 % LETTERS) : 256 - (256 % ALPHABET.length);
      if (b >= limit) continue; // rejection sampling keeps every character equally likely
      s += s.length === 0 ? ALPHABET[b % LETTERS] : ALPHABET[b % ALPHABET.length];
      if (s.length === PASSWORD_LENGTH) break;
    }
  }
  return s;
}

/** The environment variables the confs reference, one per distinct user, in a stable order. */
export function passwordEnvVars(topology: Topology): string[] {
  return [...new Set(passwordUsers(topology).map(passwordEnvVar))];
}
