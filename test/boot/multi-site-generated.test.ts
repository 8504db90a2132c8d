/**
 * Generated multi-site designs (`generated-sites.ts`) booted with each kube context in its own network namespace
 * (`netns.ts`), route and gateway auth on, TLS as each design switches it: the full gateway mesh, every gateway to a
 * cluster of another site dialed at that site's external address and every one inside a site at the internal one,
 * one meta group over all servers, a request across sites and a stream placed in a cluster of another site. The
 * designs alternate between the two server versions. Without root or `ip netns` the boots are skipped, as in
 * multi-site.test.ts (and fail under CI); the lint of the generated designs runs anyway.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/core/lint';
import { crossSite, siteOf } from '../../src/core/conf/placement';
import { SYSTEM_USER } from '../../src/core/names';
import type { Topology } from '../../src/core/model';
import { fixedPasswords } from '../support/fixtures';
import { describeOnServerWithCli, IN_CI, type NatsServerBinary } from '../support/tools';
import { convergenceProblems } from './checks';
import { generatedSiteDesigns } from './generated-sites';
import type { GeneratedDesign } from './generated';
import { PORT_BANDS, waitFor } from './harness';
import { HAS_NETNS, SiteNetwork, SiteRun } from './netns';
import { expectOneMetaGroup, requestAcrossSites, streamPlacedIn } from './sites-checks';

const SEED = 20261204;
/** Booted: two designs per server version. */
const BOOTED = generatedSiteDesigns(4, SEED).map((d, i) => ({ ...d, label: `#${i} ${d.label}` }));
/** Linted only: many more of the same generator. */
const LINTED = generatedSiteDesigns(200, SEED + 1);

const errors = (t: Topology) => lint(t).filter((p) => p.severity === 'error');

/** Every pair of linked clusters of a design's one gateway system: the mesh the servers form. */
function pairs(t: Topology): [Topology['clusters'][number], Topology['clusters'][number]][] {
  return t.clusters.flatMap((a, i) => t.clusters.slice(i + 1).map((b): [typeof a, typeof b] => [a, b]));
}

describe('generated multi-site designs', () => {
  it('are all lint-clean', () => {
    for (const d of [...BOOTED, ...LINTED]) expect({ design: d.label, errors: errors(d.topology) }).toEqual({ design: d.label, errors: [] });
  });

  it('booted ones take both gateway paths, both exposures, and each TLS switch both ways', () => {
    const all = BOOTED.map((d) => d.topology);
    const clusters = all.flatMap((t) => t.clusters);
    const tls = (t: Topology, c: Topology['clusters'][number]) => ({ ...t.defaults.tls, ...c.tls });
    expect(new Set(all.flatMap((t) => pairs(t).map(([a, b]) => crossSite(a, b))))).toEqual(new Set([true, false]));
    expect(new Set(clusters.map((c) => c.gateway?.service))).toEqual(new Set(['LoadBalancer', 'NodePort']));
    expect(new Set(all.map((t) => t.defaults.tls.gateways))).toEqual(new Set([true, false]));
    for (const protocol of ['clients', 'routes'] as const)
      expect(new Set(all.flatMap((t) => t.clusters.map((c) => tls(t, c)[protocol]))), protocol).toEqual(new Set([true, false]));
  });
});

if (!HAS_NETNS && IN_CI) throw new Error('the generated multi-site boot test needs root, iproute2 (ip netns) and curl');
if (!HAS_NETNS) console.warn('\n*** not root or no ip netns / curl: skipping the generated multi-site boot test ***\n');

let boots = 0;
/** A fresh block of the band for every boot of this file: a server of a stopped run may still hold its ports. */
function nextBase(): number {
  const base = PORT_BANDS.multiSiteGenerated.from + 100 * boots++;
  if (base + 100 > PORT_BANDS.multiSiteGenerated.to + 1) throw new Error('the multiSiteGenerated port band is used up');
  return base;
}

interface GatewayzConnections {
  outbound_gateways: Record<string, { connection?: { ip?: string } }>;
}
interface TlsVarz {
  tls_required?: boolean;
  cluster?: { tls_required?: boolean };
  gateway?: { tls_required?: boolean };
}

function bootDesigns(designs: GeneratedDesign[], server: NatsServerBinary, cli: string): void {
  for (const d of designs) {
    describe(d.label, () => {
      const t = d.topology;
      const passwords = fixedPasswords(t);
      const app = { user: 'app', password: passwords.get('app')! };
      const sys = { user: SYSTEM_USER, password: passwords.get(SYSTEM_USER)! };
      let net: SiteNetwork;
      beforeAll(async () => {
        net = await SiteNetwork.create(t);
      });
      afterAll(async () => {
        await net?.destroy();
      });

      it('forms the full gateway mesh (peers of other sites at their external address), one meta group, a request across sites and a stream in a remote site', async () => {
        // given: a design the lint passes
        expect(errors(t)).toEqual([]);
        const run = await SiteRun.prepare(t.name, t, net, passwords, nextBase(), server);
        try {
          // when
          run.startAll();
          // then: routes, gateways both ways, one meta leader over every server, /healthz
          await waitFor(run, 'convergence', () => convergenceProblems(run));
          const byName = new Map(t.clusters.map((c) => [c.name, c]));
          let sameSiteAtExternal = 0;
          for (const s of run.servers) {
            // The conf names each peer of another site at that site's external address, and each peer of its own site at the internal one.
            const site = (c: string) => net.sites.get(siteOf(byName.get(c)!))!;
            const configured = [...readFileSync(run.conf(s.name), 'utf8').matchAll(/\{ name: "([\w-]+)", urls: \[([^\]]*)\] \}/g)]
              .map(([, peer, urls]) => `${s.name}→${peer} ${[...new Set([...urls.matchAll(/nats:\/\/([\d.]+):\d+/g)].map((m) => m[1]))].join(',')}`)
              .sort();
            const others = t.clusters.filter((c) => c.name !== s.cluster.name);
            const cross = (c: string) => crossSite(s.cluster, byName.get(c)!);
            expect(configured).toEqual(others.map((c) => `${s.name}→${c.name} ${cross(c.name) ? site(c.name).external : site(c.name).internal}`).sort());
            // What the server dialed: a peer of another site always at its external address. A peer of its own site at
            // either address of the site: a gateway adds the URLs its peers advertise (the external address) to the
            // configured one and dials any of them (see docs/nats-server.md, "Several Kubernetes clusters").
            const gz = await run.monitor<GatewayzConnections>(s, '/gatewayz');
            expect(Object.keys(gz.outbound_gateways).sort()).toEqual(others.map((c) => c.name).sort());
            for (const [peer, g] of Object.entries(gz.outbound_gateways)) {
              const ip = g.connection?.ip;
              const allowed = cross(peer) ? [site(peer).external] : [site(peer).internal, site(peer).external];
              expect(allowed, `${s.name}→${peer} at ${ip}`).toContain(ip);
              if (!cross(peer) && ip === site(peer).external) sameSiteAtExternal++;
            }
            // TLS on exactly the listeners the design switches on
            const varz = await run.monitor<TlsVarz>(s, '/varz');
            expect({ server: s.name, clients: !!varz.tls_required, routes: !!varz.cluster?.tls_required, gateways: !!varz.gateway?.tls_required }).toEqual({
              server: s.name,
              clients: s.cluster.tls.clients,
              routes: s.cluster.tls.routes,
              gateways: s.cluster.tls.gateways,
            });
          }

          console.log(`${t.name}: ${sameSiteAtExternal} gateway connection(s) inside a site dialed the advertised external address`);

          // a request from the first cluster answered in the last cluster of another site
          const from = run.servers[0];
          const remote = [...t.clusters].reverse().find((c) => crossSite(c, from.cluster))!;
          const there = run.servers.filter((s) => s.cluster.name === remote.name);
          await requestAcrossSites(run, cli, from, there[there.length - 1], app);

          // a stream placed in that cluster with as many replicas as it has servers, created and written from the first
          const info = await streamPlacedIn(run, cli, from, remote.name, there.length, app);
          expect(info.cluster?.name).toBe(remote.name);
          expect(info.cluster?.leader).toMatch(new RegExp(`^nats-${remote.name}-\\d+$`));

          // one meta group over every server, seen by the system user from the remote site
          await expectOneMetaGroup(run, cli, there[0], sys, run.servers.length);
        } finally {
          await run.stop();
        }
      });
    });
  }
}

if (HAS_NETNS) {
  describeOnServerWithCli('oldest', 'generated multi-site designs, each site in its own network namespace', (server, cli) =>
    bootDesigns(
      BOOTED.filter((_, i) => i % 2 === 0),
      server,
      cli,
    ),
  );
  describeOnServerWithCli('current', 'generated multi-site designs, each site in its own network namespace', (server, cli) =>
    bootDesigns(
      BOOTED.filter((_, i) => i % 2 === 1),
      server,
      cli,
    ),
  );
}
