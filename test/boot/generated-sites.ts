/**
 * Generated multi-site designs for the boots in network namespaces: 2–4 clusters of 1–3 servers (at most 9 in all)
 * spread over 2–3 kube contexts, at least two of them used and often one holding two clusters, so a gateway between
 * sites goes to the peer's advertised address and one inside a site stays on the in-cluster address. The clusters
 * are linked as a chain, star, ring or full mesh; every cluster is dialed from another site (each design is one
 * connected gateway system over at least two sites, and every conf names every cluster of its system), so each one
 * has a gateway placement: a LoadBalancer with a DNS name, or a NodePort with an IP address and its node port. Route
 * and gateway auth are on; TLS is switched per protocol (clients and routes also per cluster; gateways for the whole
 * system, as the lint requires). One account with JetStream and a user.
 */
import fc from 'fast-check';
import { parseTopology } from '../../src/core/parse/parse-topology';
import type { Topology } from '../../src/core/model';
import { links, type GeneratedDesign, type LinkShape } from './generated';

export type SiteLinkShape = Extract<LinkShape, 'chain' | 'star' | 'ring' | 'mesh'>;

/** Most servers a generated multi-site design may have: every server is in one meta group, on a 2-core machine. */
const MAX_SERVERS = 9;

const CLUSTER_NAMES = ['a', 'b', 'c', 'd'];
const CONTEXTS = ['site-x', 'site-y', 'site-z'];

interface Exposure {
  service: 'LoadBalancer' | 'NodePort';
  /** NodePort only: the last octet of its 203.0.113.x address and its node port. */
  octet: number;
  nodePort: number;
}

const exposure: fc.Arbitrary<Exposure> = fc.record({
  service: fc.constantFrom<Exposure['service']>('LoadBalancer', 'NodePort'),
  octet: fc.integer({ min: 1, max: 254 }),
  nodePort: fc.integer({ min: 30000, max: 32767 }),
});

const tlsSwitches = fc.record({ clients: fc.boolean(), routes: fc.boolean(), gateways: fc.boolean(), leafnodes: fc.boolean() });
/** A cluster's own TLS switches over the defaults' (clients and routes only: gateways must agree across a system). */
const tlsOverride = fc.option(fc.record({ clients: fc.boolean(), routes: fc.boolean() }, { requiredKeys: [] }), { nil: undefined });

const arbitrarySiteDesign: fc.Arbitrary<GeneratedDesign> = fc
  .integer({ min: 2, max: 3 })
  .chain((contexts) =>
    fc.record({
      contexts: fc.constant(contexts),
      shape: fc.constantFrom<SiteLinkShape>('chain', 'star', 'ring', 'mesh'),
      clusters: fc.array(
        fc.record({
          replicas: fc.constantFrom(1, 1, 2, 3, 3),
          // Fewer choices than clusters half the time: two clusters of one site are common.
          context: fc.integer({ min: 0, max: contexts - 1 }),
          exposure,
          tls: tlsOverride,
        }),
        { minLength: 2, maxLength: 4 },
      ),
      tls: tlsSwitches,
    }),
  )
  .filter((r) => r.clusters.reduce((n, c) => n + c.replicas, 0) <= MAX_SERVERS)
  .filter((r) => new Set(r.clusters.map((c) => c.context)).size >= 2)
  .map((r) => {
    const names = CLUSTER_NAMES.slice(0, r.clusters.length);
    const clusters = r.clusters.map((c, i) => {
      const name = names[i];
      const kubeContext = CONTEXTS[c.context];
      const gateway =
        c.exposure.service === 'LoadBalancer'
          ? { service: 'LoadBalancer', address: `nats-${name}.${kubeContext}.example.com` }
          : { service: 'NodePort', address: `203.0.113.${c.exposure.octet}`, nodePort: c.exposure.nodePort };
      return { name, kubeContext, replicas: c.replicas, gateway, ...(c.tls ? { tls: c.tls } : {}) };
    });
    const tlsOn = Object.entries(r.tls)
      .filter(([, on]) => on)
      .map(([k]) => k[0])
      .join('');
    // e.g. `a3@x/lb` (cluster a, 3 servers, site-x, LoadBalancer), `b1@y/np[c+r-]` (its own client and route TLS switches)
    const own = (t: { clients?: boolean; routes?: boolean } | undefined) =>
      t && Object.keys(t).length > 0
        ? `[${Object.entries(t)
            .map(([k, on]) => `${k[0]}${on ? '+' : '-'}`)
            .join('')}]`
        : '';
    const where = clusters
      .map((c, i) => `${c.name}${c.replicas}@${c.kubeContext.slice(-1)}/${c.gateway.service === 'NodePort' ? 'np' : 'lb'}${own(r.clusters[i].tls)}`)
      .join(' ');
    const name = `gen-sites-${r.shape}-${clusters.map((c) => c.replicas).join('')}`;
    const parsed = parseTopology({
      version: 1,
      name,
      security: { serverAuth: true },
      accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
      defaults: { jetstream: { memoryStore: '64Mi', fileStore: '256Mi' }, tls: r.tls },
      clusters,
      gateways: links(names.length, r.shape).map(([a, b]): [string, string] => [names[a], names[b]]),
    });
    if (!parsed.ok) throw new Error(`a generated multi-site design does not parse: ${JSON.stringify(parsed.errors)}`);
    const topology: Topology = parsed.topology;
    return { label: `${r.shape} ${where} tls:${tlsOn || '-'}`, topology };
  });

/** `count` multi-site designs from a fixed seed: the same list on every run. */
export function generatedSiteDesigns(count: number, seed: number): GeneratedDesign[] {
  return fc.sample(arbitrarySiteDesign, { numRuns: count, seed });
}
