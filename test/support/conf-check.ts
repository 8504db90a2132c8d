import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterNames, passwordEnvVar, type Passwords } from '../../src/core';

let dir: string | null = null;

/** The environment a pod of the cluster has: its server name and the passwords from the Secret. */
export function podEnv(cluster: string, passwords: Passwords): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', SERVER_NAME: clusterNames(cluster).pod(0) };
  for (const [user, pw] of passwords) env[passwordEnvVar(user)] = pw;
  return env;
}

/** Runs `nats-server -t` on a conf; returns its output, throwing with it when the server rejects the file. */
export function checkConf(server: string, conf: string, env: Record<string, string>, name: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'nats-conf-check-'));
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, conf);
  try {
    return execFileSync(server, ['-t', '-c', file], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`nats-server rejected ${name}.conf:\n${err.stderr ?? ''}${err.stdout ?? ''}\n---\n${conf}`, { cause: e });
  }
}
