import type { LintRule } from '../rule';
import { repeated } from '../support';

/** GATEWAY_DUPLICATE: links are undirected, so [a, b] twice or [a, b] with [b, a] is one link drawn twice. */
export const gatewayDuplicate: LintRule = {
  id: 'gateway-duplicate',
  description: 'Each pair of clusters is linked at most once, in either direction.',
  check(topology) {
    const links = topology.gateways.filter(([a, b]) => a !== b);
    return repeated(links, ([a, b]) => JSON.stringify([a, b].sort())).map((group) => {
      const [a, b] = group[0];
      const reversed = group.some(([x]) => x !== a) ? `, also as [${b}, ${a}]` : '';
      return {
        code: 'GATEWAY_DUPLICATE',
        severity: 'warning' as const,
        target: { kind: 'gateway' as const, clusters: [a, b] as [string, string] },
        message: `gateway ${a}–${b} is listed ${group.length} times${reversed}: links have no direction, so the extra entries do nothing`,
        fix: `Keep one [${a}, ${b}] entry and remove the others.`,
      };
    });
  },
};
