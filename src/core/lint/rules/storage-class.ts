import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { isDns1123Subdomain, origin, q } from '../support';

/** STORAGE_CLASS_INVALID: the API server refuses a claim whose storageClassName is not a DNS-1123 subdomain. */
export const storageClass: Rule = {
  id: 'storage-class',
  description: 'JetStream storage class names are DNS-1123 subdomains.',
  check({ topology, resolved }) {
    if (!topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      const sc = cluster.jetstream.storageClass;
      // Empty means "no dynamic provisioning", which Kubernetes accepts.
      if (sc === null || sc === '' || isDns1123Subdomain(sc)) continue;
      out.push({
        code: 'STORAGE_CLASS_INVALID',
        severity: 'error',
        target: { kind: 'cluster', cluster: cluster.name, field: 'jetstream.storageClass' },
        message: `cluster ${cluster.name} uses storage class ${q(sc)}${origin(spec, 'jetstream.storageClass')}, which is not a valid StorageClass name: Kubernetes refuses its volume claims`,
        fix: "Use the name of an existing StorageClass (lower-case letters, digits, '-' and '.'; kind's default is \"standard\"), or none for the cluster's default class.",
      });
    }
    return out;
  },
};
