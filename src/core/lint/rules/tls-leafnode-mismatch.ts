import { leafHubs } from '../../conf/leafnodes';
import type { Rule } from '../../check/rule';
import { joinNames, origin } from '../support';

/**
 * TLS_LEAFNODE_MISMATCH: a hub with leafnode TLS requires it of every leaf (and checks the leaf's certificate), and a
 * leaf with it dials TLS. When the two sides disagree the handshake fails on every attempt and the leaf never reaches
 * its hub (docs/nats-server.md, "TLS"), which nats-server -t cannot see. One error on each side with the switch off,
 * naming the links it breaks, since turning it on is the fix that keeps the link encrypted.
 */
export const tlsLeafnodeMismatch: Rule = {
  id: 'tls-leafnode-mismatch',
  description: 'A leaf cluster and its hub both have leafnode TLS on, or both off.',
  check({ topology, resolved }) {
    const byName = new Map<string, (typeof resolved)[number]>();
    for (const r of resolved) if (!byName.has(r.spec.name)) byName.set(r.spec.name, r);
    // For each cluster with the switch off: the hubs and the leaves on its links that have it on.
    const partners = new Map<string, { hubs: string[]; leaves: string[] }>();
    const partnersOf = (name: string) => partners.get(name) ?? partners.set(name, { hubs: [], leaves: [] }).get(name)!;
    for (const [leaf, hub] of leafHubs(topology)) {
      const leafOn = byName.get(leaf)!.cluster.tls.leafnodes;
      if (leafOn === byName.get(hub)!.cluster.tls.leafnodes) continue;
      if (leafOn) partnersOf(hub).leaves.push(leaf);
      else partnersOf(leaf).hubs.push(hub);
    }
    return resolved
      .filter((r) => partners.has(r.spec.name))
      .map(({ spec }) => {
        const { hubs, leaves } = partners.get(spec.name)!;
        const on = [...hubs, ...leaves];
        const who = [hubs.length > 0 ? `its hub ${joinNames(hubs)}` : '', leaves.length > 0 ? `its leaf ${joinNames(leaves)}` : '']
          .filter(Boolean)
          .join(' and ');
        return {
          code: 'TLS_LEAFNODE_MISMATCH',
          severity: 'error' as const,
          target: { kind: 'cluster' as const, cluster: spec.name, field: 'tls.leafnodes' },
          message: `cluster ${spec.name} has leafnode TLS off${origin(spec, 'tls.leafnodes')} but ${who} use${on.length === 1 ? 's' : ''} it: the leafnode connection never forms`,
          fix: `Turn on tls.leafnodes for ${spec.name} (or off for ${joinNames(on)}); a leaf and its hub must agree.`,
        };
      });
  },
};
