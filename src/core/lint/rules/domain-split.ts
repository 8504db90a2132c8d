import { domainOf } from '../../conf/leafnodes';
import { gatewaySystems } from '../../conf/topology-facts';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { joinNames, q } from '../support';

/** DOMAIN_SPLIT: the clusters of one gateway system are one JetStream (one meta group), so they have one domain. */
export const domainSplit: Rule = {
  id: 'domain-split',
  description: 'The clusters gateways join into one system share one JetStream domain.',
  check({ topology }) {
    if (!topology.jetstream.enabled || !topology.clusters.some((c) => c.domain !== undefined)) return [];
    const byName = new Map(topology.clusters.map((c) => [c.name, c]));
    const out: Problem[] = [];
    for (const system of gatewaySystems(topology)) {
      const domains = new Map<string, string[]>();
      for (const name of system) {
        const d = domainOf(topology, byName.get(name)!) ?? '(none)';
        domains.set(d, [...(domains.get(d) ?? []), name]);
      }
      if (domains.size < 2) continue;
      const [first, ...rest] = [...domains];
      for (const [d, clusters] of rest) {
        out.push({
          code: 'DOMAIN_SPLIT',
          severity: 'error',
          target: { kind: 'cluster', cluster: clusters[0], field: 'domain' },
          message: `${joinNames(clusters)} ${clusters.length === 1 ? 'has' : 'have'} JetStream domain ${q(d)} while gateways join ${clusters.length === 1 ? 'it' : 'them'} to ${joinNames(first[1])} (domain ${q(first[0])}): one system is one JetStream, with one domain`,
          fix: `Give ${joinNames(clusters)} the domain ${q(first[0])}, or make ${clusters.length === 1 ? 'it' : 'them'} a leaf (a leafnode link instead of a gateway).`,
        });
      }
    }
    return out;
  },
};
