import type { Rule } from '../../check/rule';

/** GATEWAY_DUPLICATE: links are undirected, so [a, b] twice or [a, b] with [b, a] is one link drawn twice. */
export const gatewayDuplicate: Rule = {
  id: 'gateway-duplicate',
  description: 'Each pair of clusters is linked at most once, in either direction.',
  check({ topology }) {
    return linksByPair(topology.gateways)
      .filter((group) => group.length > 1)
      .map((group) => {
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

/**
 * The links (self-links left out) grouped by their unordered pair, in first-seen order. Two levels of maps
 * rather than one map keyed by a pair string: a full mesh of 200 has 19,900 links, and building a key string
 * for each was most of this rule's time.
 */
function linksByPair(links: readonly [string, string][]): [string, string][][] {
  const byPair = new Map<string, Map<string, [string, string][]>>();
  const groups: [string, string][][] = [];
  for (const link of links) {
    const [a, b] = link;
    if (a === b) continue;
    const [low, high] = a < b ? [a, b] : [b, a];
    let inner = byPair.get(low);
    if (!inner) byPair.set(low, (inner = new Map()));
    const group = inner.get(high);
    if (group) {
      group.push(link);
    } else {
      const first: [string, string][] = [link];
      inner.set(high, first);
      groups.push(first);
    }
  }
  return groups;
}
