import type { Rule } from '../../check/rule';

/** GATEWAY_SELF_LINK: a cluster linked to itself is a mistake (usually a typo for another cluster); it is dropped. */
export const gatewaySelfLink: Rule = {
  id: 'gateway-self-link',
  description: 'No gateway links a cluster to itself.',
  check({ topology }) {
    return topology.gateways
      .filter(([a, b]) => a === b)
      .map(([a, b]) => ({
        code: 'GATEWAY_SELF_LINK',
        severity: 'error' as const,
        target: { kind: 'gateway' as const, clusters: [a, b] as [string, string] },
        message: `gateway ${a}–${b} links cluster ${a} to itself: it is not rendered, and the cluster it was meant for stays unlinked`,
        fix: `Link ${a} to another cluster, or remove the link.`,
      }));
  },
};
