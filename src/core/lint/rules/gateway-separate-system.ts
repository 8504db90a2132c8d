import { gatewaySystems } from '../../conf/topology-facts';
import { leafHubs } from '../../conf/leafnodes';
import type { Rule } from '../../check/rule';
import { joinNames } from '../support';

/**
 * GATEWAY_SEPARATE_SYSTEM: clusters the gateways do not connect to the rest form a separate system. That deploys
 * and works (each system is a supercluster of its own, with its own JetStream meta group, as the boot tests show),
 * but no message crosses between them, which is rarely what a drawing of one design means: a warning.
 */
export const gatewaySeparateSystem: Rule = {
  id: 'gateway-separate-system',
  description: 'Gateway links connect all clusters into one system.',
  check({ topology }) {
    // A leaf's system is apart from its hub's by design: systems that leafnode links join count as one here.
    const systems = joinedByLeafnodes(gatewaySystems(topology), leafHubs(topology));
    if (systems.length < 2) return [];
    // The largest system (the first on a tie) is "the rest"; every other one is reported.
    const main = systems.reduce((best, s) => (s.length > best.length ? s : best));
    return systems
      .filter((s) => s !== main)
      .map((s) => {
        const subject = s.length === 1 ? `cluster ${s[0]} is` : `clusters ${joinNames(s)} are`;
        return {
          code: 'GATEWAY_SEPARATE_SYSTEM',
          severity: 'warning' as const,
          target: { kind: 'cluster' as const, cluster: s[0] },
          message:
            `${subject} a separate system: no gateway path joins ${s.length === 1 ? 'it' : 'them'} to ${joinNames(main)}, ` +
            `so no messages cross between them${topology.jetstream.enabled ? ' and each side elects its own JetStream meta leader' : ''}`,
          fix: `Add a gateway link such as [${s[0]}, ${main[0]}] to make one supercluster, or leave them apart if you mean separate systems (the bundle README lists each).`,
        };
      });
  },
};

/** Gateway systems, those that leafnode links join merged into one list of names (in first-seen order). */
function joinedByLeafnodes(systems: readonly (readonly string[])[], hubs: Map<string, string>): readonly (readonly string[])[] {
  if (hubs.size === 0) return systems;
  const of = new Map<string, number>();
  systems.forEach((names, i) => names.forEach((n) => of.set(n, i)));
  const parent = systems.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (const [leaf, hub] of hubs) parent[find(of.get(leaf)!)] = find(of.get(hub)!);
  const groups = new Map<number, string[]>();
  systems.forEach((names, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), ...names]);
  });
  return [...groups.values()];
}
