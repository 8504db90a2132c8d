import type { Rule } from '../../check/rule';

/** TOPOLOGY_EMPTY: a topology without clusters renders no server. */
export const topologyEmpty: Rule = {
  id: 'topology-empty',
  description: 'The topology has at least one cluster.',
  check({ topology }) {
    if (topology.clusters.length > 0) return [];
    return [
      {
        code: 'TOPOLOGY_EMPTY',
        severity: 'error',
        target: { kind: 'topology' },
        message: `topology ${topology.name} has no clusters: the bundle would deploy no NATS server`,
        fix: 'Add a cluster, or start from a template.',
      },
    ];
  },
};
