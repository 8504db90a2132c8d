import { gatewaySystems } from '../../conf/topology-facts';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { joinNames } from '../support';
import { tolerated } from './jetstream-cluster-size';

/**
 * JETSTREAM_META_GROUP_EVEN: every JetStream server of gateway-connected clusters joins one meta group (the RAFT
 * group that holds all stream and consumer assignments), so its size is the sum over those clusters.
 */
export const metaGroupSize: Rule = {
  id: 'meta-group-size',
  description: "With JetStream on, each supercluster's meta group has an odd number of servers.",
  check({ topology, resolved }) {
    if (!topology.jetstream.enabled) return [];
    const replicas = new Map<string, number>();
    for (const { cluster } of resolved) if (!replicas.has(cluster.name)) replicas.set(cluster.name, cluster.replicas);
    const out: Problem[] = [];
    for (const system of gatewaySystems(topology)) {
      // A lone cluster's meta group is the cluster itself, which jetstream-cluster-size already reports.
      if (system.length < 2) continue;
      const n = system.reduce((sum, name) => sum + (replicas.get(name) ?? 0), 0);
      if (n % 2 !== 0) continue;
      const f = tolerated(n);
      out.push({
        code: 'JETSTREAM_META_GROUP_EVEN',
        severity: 'info',
        target: { kind: 'topology' },
        message:
          `clusters ${joinNames(system)} form one JetStream meta group of ${n} servers: it tolerates ` +
          `${f === 0 ? 'no failed server' : `${f} failed server${f === 1 ? '' : 's'}`}, the same as ${n - 1}; ` +
          'while it has no quorum, no stream or consumer can be created or changed anywhere',
        fix: `Make the total odd (${n - 1} or ${n + 1} servers): an even meta group costs failure tolerance, not correctness.`,
      });
    }
    return out;
  },
};
