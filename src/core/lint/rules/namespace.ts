import type { Rule } from '../../check/rule';
import { dns1123Reason, q, suggestLabel } from '../support';

/** NAMESPACE_INVALID: Kubernetes refuses a namespace that is not a DNS-1123 label. */
export const namespace: Rule = {
  id: 'namespace',
  description: 'The namespace is a DNS-1123 label.',
  check({ topology }) {
    // A namespace left to default is the topology name, which topology-name already reports.
    if (topology.namespace === topology.name) return [];
    const reason = dns1123Reason(topology.namespace);
    if (!reason) return [];
    return [
      {
        code: 'NAMESPACE_INVALID',
        severity: 'error',
        target: { kind: 'topology', field: 'namespace' },
        message: `namespace ${q(topology.namespace)} is not a DNS-1123 label: ${reason}. Kubernetes refuses to create it or anything in it`,
        fix: `Use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. ${q(suggestLabel(topology.namespace))}.`,
      },
    ];
  },
};
