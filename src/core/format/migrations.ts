/**
 * The format's versions, and the one ordered list of migrations between them. Files, share links and autosaves all
 * reach `parseTopology`, which brings older data up to {@link FORMAT_VERSION} here first: a format change adds a
 * migration, and what older designers wrote keeps opening. Only data from a newer designer is refused.
 */

/** One step: data of version `to - 1` in, data of version `to` out. Plain data; never throws on a user's data. */
export interface Migration {
  to: number;
  /** What changed, for people reading the list. */
  change: string;
  migrate(data: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Every migration, oldest first, each one version up from the one before. Version 1 is the first format, so the list
 * starts empty; `test/format-v1.test.ts` opens a version-1 file, share link and autosave kept forever.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** The format version this build reads and writes: one past the last migration. */
export const FORMAT_VERSION = 1 + MIGRATIONS.length;

export type Migrated = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * Brings topology data (a file's, a link's, an autosave's) up to the current version. Anything without a whole
 * `version` number of an older format is handed on unchanged, for the parser to name what is wrong.
 */
export function migrate(data: unknown, migrations: readonly Migration[] = MIGRATIONS): Migrated {
  const current = 1 + migrations.length;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: true, data };
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version)) return { ok: true, data };
  if (version > current) return { ok: false, message: `is ${version}: this file was made by a newer designer; this one reads version ${current}` };
  if (version < 1) return { ok: true, data };
  let out = data as Record<string, unknown>;
  for (const m of migrations.slice(version - 1)) out = { ...m.migrate(out), version: m.to };
  return { ok: true, data: out };
}
