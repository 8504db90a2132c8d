/**
 * The real programs the tests run, found in one place: the two nats-server versions (Debian's 2.9.10, the oldest we
 * support, and the release bundles deploy, built by scripts/install-test-tools.sh) and natscli.
 *
 * A missing tool makes its tests fail under CI (`CI=true`) and skip, loudly, everywhere else.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { NATS_SERVER_VERSION } from '../../src/core/defaults';

export const IN_CI = process.env.CI === 'true';

/** Where scripts/install-test-tools.sh builds the Go tools. */
export const TOOLS_CACHE = process.env.NATS_TOOLS_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'nats-topology-designer');

/** test/tools/versions.env as a map. */
function toolVersions(): Record<string, string> {
  const text = readFileSync(new URL('../tools/versions.env', import.meta.url), 'utf8');
  return Object.fromEntries([...text.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]));
}

export const NATSCLI_VERSION = toolVersions().NATSCLI_VERSION;

/** A nats-server binary the tests run, and what it is for. */
export interface NatsServerBinary {
  /** `oldest`: Debian's 2.9.10, the oldest release we support; `current`: the release bundles deploy. */
  role: 'oldest' | 'current';
  /** The version it must report, e.g. `2.9.10`. */
  version: string;
  path: string;
}

interface Wanted {
  role: NatsServerBinary['role'];
  version: string;
  candidates: (string | undefined)[];
  install: string;
}

const WANTED: Wanted[] = [
  {
    role: 'oldest',
    version: '2.9.10',
    candidates: [process.env.NATS_SERVER_OLDEST, '/usr/sbin/nats-server'],
    install: "Debian's package: apt-get install nats-server (or set NATS_SERVER_OLDEST)",
  },
  {
    role: 'current',
    version: NATS_SERVER_VERSION,
    candidates: [process.env.NATS_SERVER_CURRENT, join(TOOLS_CACHE, `nats-server-v${NATS_SERVER_VERSION}`, 'nats-server')],
    install: 'sh scripts/install-test-tools.sh (or set NATS_SERVER_CURRENT)',
  },
];

function executable(path: string | undefined): path is string {
  if (!path) return false;
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The version a nats-server binary reports (`nats-server: v2.9.10` → `2.9.10`). */
export function reportedVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' })
    .trim()
    .replace(/^nats-server: v/, '');
}

/** Each wanted server: found (with the version it must have) or the reason it is not usable. */
function locate(w: Wanted): NatsServerBinary | string {
  const path = w.candidates.find(executable);
  if (!path) return `nats-server ${w.version} (${w.role}) not found; install it with ${w.install}`;
  const got = reportedVersion(path);
  if (got !== w.version) return `${path} is nats-server ${got}, not ${w.version} (${w.role}); install it with ${w.install}`;
  return { role: w.role, version: w.version, path };
}

const located = WANTED.map(locate);

/** Every server version the tests must run on, found or not. */
export const SERVER_VERSIONS: readonly (NatsServerBinary | { role: NatsServerBinary['role']; version: string; missing: string })[] = located.map((l, i) =>
  typeof l === 'string' ? { role: WANTED[i].role, version: WANTED[i].version, missing: l } : l,
);

/** The servers found, oldest first. */
export const NATS_SERVERS: readonly NatsServerBinary[] = located.filter((l): l is NatsServerBinary => typeof l !== 'string');

/** natscli, or null. */
export const NATS_CLI: string | null = [process.env.NATS_CLI, join(TOOLS_CACHE, `natscli-v${NATSCLI_VERSION}`, 'nats')].find(executable) ?? null;

/**
 * A `describe` per server version: `body(server)` runs once on each. A version that is missing becomes one failing
 * test under CI and a loud skip elsewhere.
 */
export function describeEachServer(name: string, body: (server: NatsServerBinary) => void): void {
  for (const v of SERVER_VERSIONS) describeOnServer(v.role, name, body);
}

/** A `describe` on one server version only (`oldest` or `current`), missing as {@link describeEachServer} says. */
export function describeOnServer(role: NatsServerBinary['role'], name: string, body: (server: NatsServerBinary) => void): void {
  const v = SERVER_VERSIONS.find((x) => x.role === role)!;
  const title = `${name} (nats-server ${v.version})`;
  if (!('missing' in v)) describe(title, () => body(v));
  else missingTool(title, v.missing);
}

/** Like {@link describeEachServer}, for tests that also need natscli. */
export function describeEachServerWithCli(name: string, body: (server: NatsServerBinary, cli: string) => void): void {
  if (NATS_CLI) {
    describeEachServer(name, (server) => body(server, NATS_CLI!));
    return;
  }
  missingTool(name, `natscli v${NATSCLI_VERSION} not found; build it with sh scripts/install-test-tools.sh (or set NATS_CLI)`);
}

/** Like {@link describeOnServer}, for tests that also need natscli. */
export function describeOnServerWithCli(role: NatsServerBinary['role'], name: string, body: (server: NatsServerBinary, cli: string) => void): void {
  if (NATS_CLI) {
    describeOnServer(role, name, (server) => body(server, NATS_CLI!));
    return;
  }
  missingTool(name, `natscli v${NATSCLI_VERSION} not found; build it with sh scripts/install-test-tools.sh (or set NATS_CLI)`);
}

/** Stands in for a suite whose tool is missing: a failure under CI, a loud skip elsewhere. */
export function missingTool(title: string, why: string): void {
  if (IN_CI) {
    describe(title, () => {
      it('has the tools it needs', () => {
        throw new Error(`${why}; CI=true requires it`);
      });
    });
    return;
  }
  console.warn(`\n!!! SKIPPING "${title}": ${why} !!!\n`);
  describe.skip(title, () => it('needs a tool', () => undefined));
}
