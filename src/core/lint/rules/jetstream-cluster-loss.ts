import type { Problem } from '../../problems';
import { survival, tieBreaker } from '../../survival/survival';
import type { Rule } from '../../check/rule';
import { joinNames } from '../support';

/**
 * JETSTREAM_CLUSTER_LOSS: in a system of several clusters, losing one whole cluster (a region) leaves the meta group
 * without a quorum, so JetStream stops in every cluster, not only the lost one. Measured on real servers in the
 * failure suite, as is the fix: a small tie-breaking cluster (3, 3 and 1 servers keep JetStream when a 3 is lost).
 */
export const jetstreamClusterLoss: Rule = {
  id: 'jetstream-cluster-loss',
  description: 'With JetStream on, losing any one cluster of a supercluster leaves the meta group a quorum.',
  check({ topology }) {
    if (!topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    for (const system of survival(topology)) {
      const k = tieBreaker(system);
      if (k === null) continue;
      const meta = system.meta!;
      const fatal = system.clusterLoss.filter((l) => !l.jetstreamContinues);
      const left = fatal.map((l) => l.metaLeft);
      const names = fatal.map((l) => l.cluster);
      out.push({
        code: 'JETSTREAM_CLUSTER_LOSS',
        severity: 'warning',
        target: fatal.length === 1 ? { kind: 'cluster', cluster: names[0] } : { kind: 'topology' },
        message:
          `losing ${fatal.length === 1 ? 'cluster' : 'either of clusters'} ${joinNames(names)} stops JetStream in every cluster: ` +
          `${Math.max(...left) === Math.min(...left) ? left[0] : `at most ${Math.max(...left)}`} of the meta group's ${meta.servers} servers would be left, and a quorum needs ${meta.quorum}`,
        fix:
          `Add a cluster of ${k} server${k === 1 ? '' : 's'} (in another region or zone) linked to the others: then any one cluster can be lost and ` +
          `JetStream keeps running in the rest. Place no streams there; it only votes. Or spread the servers more evenly.`,
      });
    }
    return out;
  },
};
