import { parseAllDocuments } from 'yaml';
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

/**
 * The environment Kubernetes gives pod 0 of a cluster, read from its StatefulSet in the bundle: Secret keys from the
 * passwords, the pod name from the field reference, and `$(VAR)` expanded from the variables before it, as the
 * kubelet does.
 */
export function podEnvFromManifest(manifest: string, passwords: Passwords): Record<string, string> {
  const docs = parseAllDocuments(manifest).map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: Record<string, unknown> });
  const sts = docs.find((d) => d.kind === 'StatefulSet')!;
  const container = (sts.spec.template as { spec: { containers: { env: EnvVar[] }[] } }).spec.containers[0];
  const byKey = new Map([...passwords].map(([user, pw]) => [passwordEnvVar(user), pw]));
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const v of container.env) {
    if (v.valueFrom?.fieldRef) env[v.name] = `${sts.metadata.name}-0`;
    else if (v.valueFrom?.secretKeyRef) env[v.name] = byKey.get(v.valueFrom.secretKeyRef.key) ?? '';
    else env[v.name] = (v.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (all, name: string) => env[name] ?? all);
  }
  return env;
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { fieldRef?: unknown; secretKeyRef?: { key: string } };
}
