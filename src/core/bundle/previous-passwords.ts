import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { decodeBase64 } from '../base64';
import { passwordEnvVar } from '../names';
import type { Topology } from '../model';
import type { Passwords } from './files';
import { passwordUsers, SAFE_PASSWORD } from './passwords';

/** What a previous bundle gave back: passwords for users of this design, and what it held that fits no user. */
export interface PreviousPasswords {
  /** `secret.yaml`, `local/secrets.env`, a bundle zip (and which file in it), or a `user: password` map. */
  source: string;
  /** By user, for users of the topology. */
  passwords: Passwords;
  /** Users of the topology it had no password for: they get new ones. */
  missing: string[];
  /** Keys it held that name no user of the topology (users since removed). */
  unused: string[];
  /** False for a plain `user: password` map, whose unknown names are more likely typos than removed users. */
  fromBundle: boolean;
}

export type PreviousPasswordsResult = { ok: true; value: PreviousPasswords } | { ok: false; error: string };

/** Larger than any real Secret, small enough that a wrong file fails fast. */
export const MAX_PREVIOUS_BYTES = 4 * 1024 * 1024;

/**
 * Reads the passwords of a previous bundle so a new render keeps them: its `secret.yaml` (stringData or base64
 * data), its `local/secrets.env`, the bundle zip holding either, or a plain YAML/JSON map `user: password`. Passwords
 * are matched to this design's users by their Secret key (`NATS_PASSWORD_<USER>`); each must be one nats-server
 * reads back unchanged ({@link SAFE_PASSWORD}).
 */
export function readPreviousPasswords(topology: Topology, name: string, bytes: Uint8Array): PreviousPasswordsResult {
  if (bytes.length > MAX_PREVIOUS_BYTES) return { ok: false, error: `${name}: ${bytes.length} bytes is too large for a Secret or a bundle` };
  let source = name;
  let text: string;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const found = fromZip(bytes);
    if (typeof found === 'string') return { ok: false, error: `${name}: ${found}` };
    source = `${name} (${found.path})`;
    text = found.text;
  } else {
    text = strFromU8(bytes);
  }
  const read = readText(text);
  if (typeof read === 'string') return { ok: false, error: `${source}: ${read}` };
  return match(topology, source, read);
}

/** The Secret or secrets.env inside a bundle zip: the CLI's and the designer's, with or without a top folder. */
function fromZip(bytes: Uint8Array): { path: string; text: string } | string {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /(^|\/)(secret\.yaml|local\/secrets\.env)$/.test(f.name) && f.originalSize <= MAX_PREVIOUS_BYTES });
  } catch (e) {
    return `not a readable zip (${e instanceof Error ? e.message : String(e)})`;
  }
  const path = Object.keys(entries).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  return path === undefined ? 'the zip holds no secret.yaml or local/secrets.env' : { path, text: strFromU8(entries[path]) };
}

/** Key → password as the file has them; keys are Secret keys (`NATS_PASSWORD_X`) or, in a plain map, user names. */
interface Read {
  byKey: Map<string, unknown>;
  keysAreUsers: boolean;
}

function readText(text: string): Read | string {
  const env = [...text.matchAll(/^export ([A-Z0-9_]+)=((?:'[^']*'|\\')+)/gm)];
  if (env.length > 0) {
    const byKey = new Map<string, unknown>(env.map((m) => [m[1], m[2].replace(/'([^']*)'|\\'/g, (_all, inner: string | undefined) => inner ?? "'")]));
    return { byKey, keysAreUsers: false };
  }
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 10 });
  } catch (e) {
    return `not YAML, a Secret or a secrets.env (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return 'must be a Secret, a secrets.env, a bundle zip, or a map of user: password';
  const o = data as Record<string, unknown>;
  if (o.kind === 'Secret') {
    const byKey = new Map<string, unknown>();
    const raw = isMap(o.data) ? o.data : {};
    for (const [k, v] of Object.entries(raw)) {
      const bytes = typeof v === 'string' ? decodeBase64(v) : null;
      const decoded = bytes && strFromU8(bytes);
      if (decoded === null) return `data.${k} is not base64`;
      byKey.set(k, decoded);
    }
    // stringData wins, as the API server merges it over data.
    for (const [k, v] of Object.entries(isMap(o.stringData) ? o.stringData : {})) byKey.set(k, v);
    return { byKey, keysAreUsers: false };
  }
  return { byKey: new Map(Object.entries(o)), keysAreUsers: true };
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function match(topology: Topology, source: string, read: Read): PreviousPasswordsResult {
  const passwords = new Map<string, string>();
  const missing: string[] = [];
  const used = new Set<string>();
  for (const user of passwordUsers(topology)) {
    const key = read.keysAreUsers ? user : passwordEnvVar(user);
    if (!read.byKey.has(key)) {
      missing.push(user);
      continue;
    }
    const pw = read.byKey.get(key);
    if (typeof pw !== 'string' || !SAFE_PASSWORD.test(pw)) {
      return { ok: false, error: `${source}: the password of ${user} must be 12 to 128 letters, digits or ._~- and start with a letter` };
    }
    passwords.set(user, pw);
    used.add(key);
  }
  const unused = [...read.byKey.keys()].filter((k) => !used.has(k)).sort();
  return { ok: true, value: { source, passwords, missing, unused, fromBundle: !read.keysAreUsers } };
}
