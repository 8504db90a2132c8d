import type { Rule } from '../../check/rule';
import { isDns1123Subdomain, q } from '../support';

/**
 * CLUSTER_DOMAIN_INVALID: the cluster domain ends every route and gateway address (`<pod>.<svc>.<ns>.svc.<domain>`),
 * so it must be a DNS name; a wrong but valid one is the user's to know (kubelet's `clusterDomain`).
 */
export const clusterDomain: Rule = {
  id: 'cluster-domain',
  description: 'The Kubernetes cluster domain is a DNS name.',
  check({ topology }) {
    if (isDns1123Subdomain(topology.clusterDomain)) return [];
    return [
      {
        code: 'CLUSTER_DOMAIN_INVALID',
        severity: 'error',
        target: { kind: 'topology', field: 'clusterDomain' },
        message: `cluster domain ${q(topology.clusterDomain)} is not a DNS name, so no route or gateway address ending in it resolves`,
        fix: 'Use the DNS domain of your Kubernetes cluster (kubelet\'s clusterDomain), lower-case labels separated by dots; most clusters use "cluster.local".',
      },
    ];
  },
};
