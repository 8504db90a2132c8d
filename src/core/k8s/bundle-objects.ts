import type { Namespace, Secret } from 'kubernetes-types/core/v1';
import { passwordEnvVar, SECRET_NAME } from '../names';
import type { Topology } from '../model';
import { PASSWORD_PLACEHOLDER, passwordUsers } from '../bundle/passwords';
import type { Passwords } from '../bundle/files';
import { bundleLabels } from './labels';

export function namespaceFor(topology: Topology): Namespace {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: topology.namespace, labels: bundleLabels(topology) } };
}

/**
 * Every account user's password, keyed by the environment variable the confs read. The only file of a bundle
 * that holds secrets, and the only one that differs between two downloads of one design.
 */
export function secretFor(topology: Topology, passwords: Passwords | undefined): Secret {
  const stringData: Record<string, string> = {};
  for (const user of passwordUsers(topology)) {
    stringData[passwordEnvVar(user)] = passwords?.[user] ?? PASSWORD_PLACEHOLDER;
  }
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: SECRET_NAME, namespace: topology.namespace, labels: bundleLabels(topology) },
    type: 'Opaque',
    stringData,
  };
}
