import { didYouMean } from '../../parse/did-you-mean';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/** GATEWAY_UNKNOWN_CLUSTER: a link to a cluster that does not exist renders nothing; the user meant something. */
export const gatewayUnknownCluster: Rule = {
  id: 'gateway-unknown-cluster',
  description: 'Every gateway link joins clusters that exist.',
  check({ topology }) {
    const names = topology.clusters.map((c) => c.name);
    const known = new Set(names);
    const out: Problem[] = [];
    for (const [a, b] of topology.gateways) {
      for (const end of a === b ? [a] : [a, b]) {
        if (known.has(end)) continue;
        const guess = didYouMean(end, names);
        out.push({
          code: 'GATEWAY_UNKNOWN_CLUSTER',
          severity: 'error',
          target: { kind: 'gateway', clusters: [a, b] },
          message: `gateway ${a}–${b} names cluster ${q(end)}, which does not exist: the link is not rendered`,
          fix: guess ? `Did you mean ${q(guess)}? Fix the name or remove the link.` : `Add a cluster named ${q(end)} or remove the link.`,
        });
      }
    }
    return out;
  },
};
