import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { origin } from '../support';

/** Failed servers a RAFT group of n survives: it needs a majority, ⌊n/2⌋+1, to keep a leader. */
export function tolerated(n: number): number {
  return Math.floor((n - 1) / 2);
}

/**
 * JETSTREAM_CLUSTER_TOO_SMALL and JETSTREAM_CLUSTER_EVEN: streams are replicated inside one cluster, so the
 * cluster's server count bounds both stream replicas and how many failures they survive.
 */
export const jetstreamClusterSize: Rule = {
  id: 'jetstream-cluster-size',
  description: 'With JetStream on, each cluster has an odd number of servers, at least 3.',
  check({ topology, resolved }) {
    if (!topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      const n = cluster.replicas;
      const target = { kind: 'cluster', cluster: cluster.name, field: 'replicas' } as const;
      const has = `cluster ${cluster.name} has ${n} server${n === 1 ? '' : 's'}${origin(spec, 'replicas')}`;
      if (n === 1) {
        out.push({
          code: 'JETSTREAM_CLUSTER_TOO_SMALL',
          severity: 'warning',
          target,
          message: `${has}: no JetStream quorum can survive a failure there; its streams can have only one replica and are unavailable whenever that server restarts`,
          fix: 'Use 3 replicas (tolerates one failed server) or 5 (two).',
        });
      } else if (n === 2) {
        out.push({
          code: 'JETSTREAM_CLUSTER_TOO_SMALL',
          severity: 'warning',
          target,
          message: `${has}: a replicated stream needs both for its quorum of 2, so one failed server stops it; 2 tolerate no more failures than 1`,
          fix: 'Use 3 replicas (tolerates one failed server).',
        });
      } else if (n % 2 === 0) {
        const f = tolerated(n);
        out.push({
          code: 'JETSTREAM_CLUSTER_EVEN',
          severity: 'warning',
          target,
          message: `${has}: an even JetStream quorum (${Math.floor(n / 2) + 1} of ${n}) tolerates ${f} failed server${f === 1 ? '' : 's'}, the same as ${n - 1}, with one more server to replicate to and to run`,
          fix: `Use ${n - 1} or ${n + 1} replicas.`,
        });
      }
    }
    return out;
  },
};
