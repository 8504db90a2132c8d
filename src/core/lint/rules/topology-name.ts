import type { Rule } from '../../check/rule';
import { dns1123Reason, q, suggestLabel } from '../support';

/** TOPOLOGY_NAME_INVALID: the topology name names the bundle and is the default namespace. */
export const topologyName: Rule = {
  id: 'topology-name',
  description: 'The topology name is a DNS-1123 label.',
  check({ topology }) {
    const reason = dns1123Reason(topology.name);
    if (!reason) return [];
    const alsoNamespace = topology.namespace === topology.name ? ' and, as no namespace is set, the namespace' : '';
    return [
      {
        code: 'TOPOLOGY_NAME_INVALID',
        severity: 'error',
        target: { kind: 'topology', field: 'name' },
        message: `topology name ${q(topology.name)} is not a DNS-1123 label: ${reason}. It names the bundle${alsoNamespace}`,
        fix: `Use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. ${q(suggestLabel(topology.name))}.`,
      },
    ];
  },
};
