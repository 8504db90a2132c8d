/**
 * The bundle the "Download bundle" dialog saves: the CLI's `render --zip` bytes for the same topology and
 * passwords. Passwords are the user's where typed, else strong random ones from the browser's CSPRNG.
 */
import { generatePasswords, passwordUsers, renderBundle, SAFE_PASSWORD, safePathSegment, zipBundle, type Passwords, type Topology } from '../../core';

/** What a typed password must be, in words (SAFE_PASSWORD). */
export const PASSWORD_RULE = '12 to 128 letters, digits or . _ ~ -, starting with a letter';

/** Why a typed password cannot be used, or null when it can (blank means "random for this user"). */
export function passwordProblem(password: string): string | null {
  if (password === '') return null;
  if (!/^[A-Za-z]/.test(password)) return 'Must start with a letter: nats-server would read a leading digit or sign as something else.';
  if (/[\s"'#]/.test(password)) return 'No spaces, quotes or #: nats-server reads the value as config text.';
  if (password.length < 12) return `Too short: ${password.length} characters, at least 12.`;
  if (password.length > 128) return `Too long: ${password.length} characters, at most 128.`;
  if (!SAFE_PASSWORD.test(password)) return 'Only letters, digits and . _ ~ - : nats-server reads the value as config text.';
  return null;
}

/** The browser's CSPRNG in the shape the core asks for. */
export function browserRandom(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

/**
 * Every user's password: the typed ones that are not blank, random ones for the rest. Typed passwords of users the
 * topology no longer has are ignored. Maps by user name, as everywhere: a user may be called `constructor`.
 */
export function bundlePasswords(topology: Topology, typed: ReadonlyMap<string, string>, random: (n: number) => Uint8Array): Passwords {
  const out = generatePasswords(topology, random);
  for (const user of passwordUsers(topology)) {
    const pw = typed.get(user);
    if (pw !== undefined && pw !== '') out.set(user, pw);
  }
  return out;
}

export interface BundleZip {
  filename: string;
  bytes: Uint8Array;
  fileCount: number;
}

/** The zip, byte for byte what `nats-topology render --zip` writes for the same topology and passwords. */
export function bundleZip(topology: Topology, passwords: Passwords): BundleZip {
  const files = renderBundle(topology, { passwords });
  return { filename: `${safePathSegment(topology.name)}.zip`, bytes: zipBundle(files, topology.name), fileCount: files.length };
}

/**
 * Names that would escape their folder when used as a path inside the zip (`..`, a slash): a bundle with them is
 * not offered even with "Download anyway", since unzipping it could write outside its folder.
 */
export function unsafePathNames(topology: Topology): string[] {
  const names = [topology.name, ...topology.clusters.map((c) => c.name)];
  return [...new Set(names.filter((n) => n === '' || n === '.' || n === '..' || /[/\\\0]/.test(n)))];
}
