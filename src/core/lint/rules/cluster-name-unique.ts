import type { Rule } from '../../check/rule';
import { q, repeated } from '../support';

/** CLUSTER_NAME_DUPLICATE: two clusters with one name render the same objects and gateway name. */
export const clusterNameUnique: Rule = {
  id: 'cluster-name-unique',
  description: 'No two clusters share a name.',
  check({ topology }) {
    return repeated(topology.clusters, (c) => c.name).map((group) => ({
      code: 'CLUSTER_NAME_DUPLICATE',
      severity: 'error',
      target: { kind: 'cluster', cluster: group[0].name, field: 'name' },
      message: `${group.length} clusters are named ${q(group[0].name)}: they would render the same Kubernetes objects and claim the same gateway name`,
      fix: 'Give every cluster its own name.',
    }));
  },
};
