/**
 * natscli against a booted local target, as an operator would run it: `nats server check jetstream` as an
 * application user, `nats server check meta` and `nats server report jetstream` as the system user from
 * secrets.env. Each returns what the tool printed; the callers assert on it.
 */
import { execFile } from 'node:child_process';
import { SYSTEM_USER } from '../../src/core/names';
import { passwordUsers } from '../../src/core/bundle/passwords';
import type { LocalServer } from '../../src/core/local/plan';
import { appIdentity, password, type Identity } from './clients';
import type { Boot } from './harness';

export interface CliRun {
  code: number;
  out: string;
}

/** Runs `nats <args>` against server `s` as `who`, ignoring any natscli context of the machine. Never rejects. */
export function natsCli(cli: string, b: Boot, s: LocalServer, who: Identity, args: string[], timeoutMs = 20_000): Promise<CliRun> {
  return run(cli, [...connection(b, s, who), ...args], b, timeoutMs);
}

/** natscli's arguments to reach server `s` as `who`, before the command. */
function connection(b: Boot, s: LocalServer, who: Identity): string[] {
  const auth = who.user ? ['--user', who.user, '--password', who.pass ?? ''] : [];
  const ca = b.caFile(s);
  if (ca) auth.push('--tlsca', ca);
  return ['--no-context', '--server', b.clientUrl(s), ...auth, '--timeout', '5s'];
}

/** Runs a program and gives what it printed and its exit code (-1 when it timed out). Never rejects. */
function run(file: string, args: string[], b: Boot, timeoutMs: number): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      // No colours, no terminal: the plain text an operator's script would read.
      { timeout: timeoutMs, env: { PATH: process.env.PATH ?? '', HOME: b.dir, NO_COLOR: '1' } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** The system user with its password, or null when no account has users (then the system account has none). */
export function systemIdentity(b: Boot): Identity | null {
  return passwordUsers(b.topology).includes(SYSTEM_USER) ? { user: SYSTEM_USER, pass: password(b, SYSTEM_USER) } : null;
}

/** `nats server check jetstream` as the application user with JetStream; null when no account fits. */
export async function checkJetStream(cli: string, b: Boot, s: LocalServer): Promise<CliRun | null> {
  const who = appIdentity(b, true);
  return who ? natsCli(cli, b, s, who, ['server', 'check', 'jetstream']) : null;
}

/** `nats server check meta --expect <n>` as the system user; null without a system user. */
export async function checkMeta(cli: string, b: Boot, s: LocalServer, expect: number): Promise<CliRun | null> {
  const sys = systemIdentity(b);
  return sys ? natsCli(cli, b, s, sys, ['server', 'check', 'meta', '--expect', String(expect), '--lag-critical', '1000', '--seen-critical', '10s']) : null;
}

/** `nats server report jetstream` as the system user; null without a system user. */
export async function reportJetStream(cli: string, b: Boot, s: LocalServer): Promise<CliRun | null> {
  const sys = systemIdentity(b);
  return sys ? natsCli(cli, b, s, sys, ['server', 'report', 'jetstream']) : null;
}

/** The rows of the report's "RAFT Meta Group Information" table: server name and whether it leads. */
export function metaGroupRows(report: string): { server: string; leader: boolean }[] {
  const at = report.indexOf('RAFT Meta Group Information');
  if (at < 0) return [];
  return report
    .slice(at)
    .split('\n')
    .map((line) => line.split('│').map((cell) => cell.trim()))
    .filter((cells) => cells.length >= 4 && /^nats-/.test(cells[1]))
    .map((cells) => ({ server: cells[1].replace(/\*$/, ''), leader: cells[3] === 'yes' }));
}

/** Runs README shell lines in bash against server `s`, with `sys` the README's function: natscli as the system user. */
export function runWithSys(cli: string, b: Boot, s: LocalServer, lines: string, timeoutMs: number): Promise<CliRun> {
  // natscli and its connection arguments come in as bash's positional parameters, kept whole in an array.
  return run('bash', ['-c', `nats=("$@")\nsys() { "\${nats[@]}" "$@"; }\n${lines}`, 'bash', cli, ...connection(b, s, systemIdentity(b)!)], b, timeoutMs);
}
