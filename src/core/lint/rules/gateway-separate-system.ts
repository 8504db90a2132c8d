import { gatewaySystems } from '../../conf/topology-facts';
import type { LintRule } from '../rule';
import { joinNames } from '../support';

/**
 * GATEWAY_SEPARATE_SYSTEM: a topology is one supercluster. Clusters the gateways do not connect to the rest form a
 * separate system: no messages cross to it, and it runs its own JetStream meta group under the same domain.
 */
export const gatewaySeparateSystem: LintRule = {
  id: 'gateway-separate-system',
  description: 'Gateway links connect all clusters into one system.',
  check(topology) {
    const systems = gatewaySystems(topology);
    if (systems.length < 2) return [];
    // The largest system (the first on a tie) is "the rest"; every other one is reported.
    const main = systems.reduce((best, s) => (s.length > best.length ? s : best));
    return systems
      .filter((s) => s !== main)
      .map((s) => {
        const subject = s.length === 1 ? `cluster ${s[0]} is` : `clusters ${joinNames(s)} are`;
        return {
          code: 'GATEWAY_SEPARATE_SYSTEM',
          severity: 'error' as const,
          target: { kind: 'cluster' as const, cluster: s[0] },
          message:
            `${subject} a separate system: no gateway path joins ${s.length === 1 ? 'it' : 'them'} to ${joinNames(main)}, ` +
            `so no messages cross between them${topology.jetstream.enabled ? ' and each side runs its own JetStream meta group' : ''}`,
          fix: `Add a gateway link such as [${s[0]}, ${main[0]}], or design ${s.length === 1 ? 'that cluster' : 'those clusters'} as a topology of ${s.length === 1 ? 'its' : 'their'} own.`,
        };
      });
  },
};
