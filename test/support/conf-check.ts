import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clusterNames, passwordEnvVar, type BundleFile, type Passwords } from '../../src/core';
import { parseAllDocuments } from 'yaml';
import type { StatefulSet } from 'kubernetes-types/apps/v1';

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
 * The environment kubelet gives pod 0 of a cluster's StatefulSet in a rendered bundle: each `env` entry in order, a
 * Secret key from the bundle's Secret, the pod name from the downward API, and `$(VAR)` expanded from the variables
 * before it (as kubelet does). What the confs read, taken from the manifests rather than assumed.
 */
export function kubeletEnv(files: BundleFile[], cluster: string): Record<string, string> {
  const docs = (path: string) => parseAllDocuments(files.find((f) => f.path === path)!.content).map((d) => d.toJS() as Record<string, unknown>);
  const secret = (docs('secret.yaml')[0] as { stringData: Record<string, string> }).stringData;
  const sts = docs(`clusters/${cluster}.yaml`).find((o) => o.kind === 'StatefulSet') as unknown as StatefulSet;
  const container = sts.spec!.template.spec!.containers.find((c) => c.name === 'nats')!;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, v: string) => env[v] ?? m);
    else if (e.valueFrom?.secretKeyRef) env[e.name] = secret[e.valueFrom.secretKeyRef.key];
    else if (e.valueFrom?.fieldRef?.fieldPath === 'metadata.name') env[e.name] = clusterNames(cluster).pod(0);
  }
  return env;
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
