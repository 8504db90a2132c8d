import type { Namespace, Secret } from 'kubernetes-types/core/v1';
import { passwordEnvVar, SECRET_PREFIX } from '../names';
import { sha256Hex } from '../sha256';
import type { Topology } from '../model';
import { PASSWORD_PLACEHOLDER, passwordUsers } from '../bundle/passwords';
import type { Passwords } from '../bundle/files';
import { bundleLabels } from './labels';

export function namespaceFor(topology: Topology): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: topology.namespace, labels: bundleLabels(topology) } };
}

/** What the credentials Secret holds, and the name that content gives it. */
export interface Credentials {
  /** `nats-credentials-<10 hex digits of the SHA-256 of the data>`. */
  name: string;
  /** Password by environment variable name (the keys the StatefulSets read). */
  data: ReadonlyMap<string, string>;
}

/**
 * Every account user's password, keyed by the environment variable the confs read; without `passwords` (a
 * preview), placeholders. The Secret is content-named (see SECRET_PREFIX): only SHA-256 of the data shows, in the
 * name, never a weak hash.
 */
export function credentialsFor(topology: Topology, passwords: Passwords | undefined): Credentials {
  const data = new Map<string, string>();
  for (const user of passwordUsers(topology)) {
    data.set(passwordEnvVar(user), passwords?.get(user) ?? PASSWORD_PLACEHOLDER);
  }
  const canonical = JSON.stringify([...data].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { name: `${SECRET_PREFIX}-${sha256Hex(canonical).slice(0, 10)}`, data };
}

/** The bundle's only file that holds secrets, and the only one that differs between two downloads of one design. */
export function secretFor(topology: Topology, credentials: Credentials): Secret {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: credentials.name, namespace: topology.namespace, labels: bundleLabels(topology) },
    type: 'Opaque',
    // Object.fromEntries defines own properties: no key can reach a prototype.
    stringData: Object.fromEntries(credentials.data),
  };
}
