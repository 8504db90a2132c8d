/**
 * A design spanning three Kubernetes clusters, booted with each one in its own network namespace (`netns.ts`): a
 * server reaches another site only at that site's advertised gateway address. Route and gateway auth are on. The
 * negative controls: without gateway addresses the peers dial in-cluster addresses they cannot reach, and a server
 * with a wrong route password gets no routes; each must make the same checks fail. Below, the multi-region template
 * itself boots with TLS on (certs.sh names each site's addresses), and a site whose certificate comes from another CA
 * gets no gateways (the third negative control).
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseTopology } from '../../src/core/parse/parse-topology';
import { lint } from '../../src/core/lint';
import type { Topology } from '../../src/core/model';
import { templateById } from '../../src/core/templates';
import { passwordEnvVar, ROUTE_CREDENTIAL, SYSTEM_USER } from '../../src/core/names';
import { fixedPasswords } from '../support/fixtures';
import { describeEachServerWithCli, IN_CI } from '../support/tools';
import { convergenceProblems } from './checks';
import { PORT_BANDS, retry, waitFor } from './harness';
import { expectOneMetaGroup, requestAcrossSites, streamPlacedIn } from './sites-checks';
import { HAS_NETNS, SiteNetwork, SiteRun } from './netns';

/**
 * The design; `exposed: false` drops every gateway address (the negative control). Security switches go in
 * `security` (TLS, once the renderer has it, is one more key there).
 */
function design(exposed: boolean): Topology {
  const gateway = (g: Record<string, unknown>) => (exposed ? { gateway: g } : {});
  const r = parseTopology({
    version: 1,
    name: 'multi-site',
    security: { serverAuth: true },
    accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
    defaults: { jetstream: { memoryStore: '64Mi', fileStore: '256Mi' } },
    clusters: [
      { name: 'east', kubeContext: 'site-east', replicas: 3, ...gateway({ address: 'nats-east.example.com' }) },
      { name: 'west', kubeContext: 'site-west', replicas: 1, ...gateway({ address: 'nats-west.example.com' }) },
      { name: 'south', kubeContext: 'site-south', replicas: 1, ...gateway({ service: 'NodePort', address: '203.0.113.9', nodePort: 30722 }) },
    ],
    gateways: [
      ['east', 'west'],
      ['west', 'south'],
    ],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

if (!HAS_NETNS && IN_CI) throw new Error('the multi-site boot test needs root, iproute2 (ip netns) and curl');
if (!HAS_NETNS) console.warn('\n*** not root or no ip netns / curl: skipping the multi-site boot test ***\n');

/** A server's log line for a gateway dial to another site's internal (pod network) address. */
const FAILED_DIAL = /Error connecting to explicit gateway "\w+" \(10\.232\.0\.\d+:\d+\)/;

let boots = 0;
/** A fresh block of the band for every run of this file: a server of a stopped run may still hold its ports. */
function nextBase(): number {
  const base = PORT_BANDS.multiSite.from + 100 * boots++;
  if (base + 100 > PORT_BANDS.multiSite.to) throw new Error('the multiSite port band is used up');
  return base;
}

const good = design(true);
const passwords = fixedPasswords(good);
const app = { user: 'app', password: passwords.get('app')! };
const sys = { user: SYSTEM_USER, password: passwords.get(SYSTEM_USER)! };

(HAS_NETNS ? describeEachServerWithCli : () => undefined)('a design spanning three Kubernetes clusters, each in its own network namespace', (server, cli) => {
  let net: SiteNetwork;
  beforeAll(async () => {
    net = await SiteNetwork.create(good);
  });
  afterAll(async () => {
    await net?.destroy();
  });

  it('forms the full gateway mesh through the advertised addresses, one meta leader, a request across sites and a stream in a remote site', async () => {
    // given: a design the lint passes
    expect(lint(good).filter((p) => p.severity === 'error')).toEqual([]);
    const run = await SiteRun.prepare('multi-site', good, net, passwords, nextBase(), server);
    try {
      // when
      run.startAll();
      // then: routes, gateways both ways, JetStream with one meta leader over all five servers, /healthz
      await waitFor(run, 'convergence', () => convergenceProblems(run));
      // every outbound gateway crosses to another site's external address, never an internal one
      for (const s of run.servers) {
        const gz = await run.monitor<{ outbound_gateways: Record<string, { connection?: { ip?: string } }> }>(s, '/gatewayz');
        for (const [peer, g] of Object.entries(gz.outbound_gateways)) expect(`${s.name}→${peer} ${g.connection?.ip}`).toMatch(/ 10\.231\.0\.\d+$/);
      }

      // a request from east answered in south, two gateway hops of sites apart
      const south = run.servers.find((s) => s.cluster.name === 'south')!;
      const east = run.servers.find((s) => s.cluster.name === 'east')!;
      await requestAcrossSites(run, cli, east, south, app);

      // a stream placed in south, created and written from east
      const info = await streamPlacedIn(run, cli, east, 'south', 1, app);
      expect(info.cluster?.name).toBe('south');
      expect(info.cluster?.leader).toBe('nats-south-0');

      // the meta group seen by the system user, from the other end of the mesh
      await expectOneMetaGroup(run, cli, south, sys, 5);
    } finally {
      await run.stop();
    }
  });

  it('does not form the gateway mesh when the design gives no addresses: peers dial in-cluster addresses of other sites', async () => {
    // given: the lint says why
    const bare = design(false);
    expect(
      lint(bare)
        .filter((p) => p.code === 'GATEWAY_UNREACHABLE')
        .map((p) => (p.target as { cluster: string }).cluster)
        .sort(),
    ).toEqual(['east', 'south', 'west']);
    const run = await SiteRun.prepare('multi-site-no-address', bare, net, passwords, nextBase(), server);
    try {
      // when
      run.startAll();
      // then: once a server has tried a peer's in-cluster address (and east's own routes are up), the checks fail on gateways
      await waitFor(run, 'a failed dial of an in-cluster gateway address and east routed', async () => {
        const dialed = run.servers.some((s) => FAILED_DIAL.test(run.log(s.name)));
        const problems = (await convergenceProblems(run)).filter((p) => p.includes('/routez'));
        return [...(dialed ? [] : ['no failed gateway dial logged yet']), ...problems];
      });
      const problems = await convergenceProblems(run);
      expect(problems.filter((p) => p.includes('outbound_gateways')).length).toBeGreaterThanOrEqual(3);
      expect(run.servers.filter((s) => FAILED_DIAL.test(run.log(s.name))).length).toBeGreaterThan(0);
    } finally {
      await run.stop();
    }
  });

  it('gives a server with a wrong route password no routes, and the checks say so', async () => {
    // given: east-0 has another route password than its cluster
    const run = await SiteRun.prepare('multi-site-wrong-route-password', good, net, passwords, nextBase(), server);
    const right = run.secrets[passwordEnvVar(ROUTE_CREDENTIAL)];
    const wrong = 'Wrongroutepassword12345';
    const tampered = Object.fromEntries(
      Object.entries(run.secrets)
        .filter(([k]) => k === passwordEnvVar(ROUTE_CREDENTIAL) || k.startsWith('NATS_ROUTE_URL_'))
        .map(([k, v]) => [k, v.split(right).join(wrong)]),
    );
    expect(Object.keys(tampered)).toContain('NATS_ROUTE_URL_EAST_0');
    try {
      // when
      run.startAll((s) => (s.name === 'nats-east-0' ? tampered : {}));
      // then: once its peers have refused it, east-0 has no route and the checks name it
      await waitFor(run, 'east-0 refused by its peers', async () =>
        ['nats-east-1', 'nats-east-2'].some((n) => /authentication error/i.test(run.log(n))) ? [] : ['no route refused yet'],
      );
      await waitFor(run, 'east-1 and east-2 routed to each other', async () =>
        (await convergenceProblems(run)).filter((p) => /^nats-east-[12]: \/routez distinct remote_id is 0/.test(p)),
      );
      const problems = await convergenceProblems(run);
      expect(problems).toContain('nats-east-0: /routez distinct remote_id is 0, want 2');
    } finally {
      await run.stop();
    }
  });
});

/**
 * The multi-region template itself: us-east, eu-west and ap-south each in its own namespace (kube context), edge in
 * us-east's, TLS on every protocol with certs.sh's CA, route and gateway auth on. Its gateway addresses are DNS names
 * under example.com; the local plan dials each site's external address in their place, and certs.sh names it.
 */
const region = templateById('multi-region')!.topology();
const regionPasswords = fixedPasswords(region);
const regionApp = { user: 'app', password: regionPasswords.get('app')! };
const regionSys = { user: SYSTEM_USER, password: regionPasswords.get(SYSTEM_USER)! };

let regionBoots = 0;
function nextRegionBase(): number {
  const base = PORT_BANDS.multiRegion.from + 100 * regionBoots++;
  if (base + 100 > PORT_BANDS.multiRegion.to + 1) throw new Error('the multiRegion port band is used up');
  return base;
}

/** A log line of a TLS handshake that failed on a certificate from another CA (either end says it). */
const BAD_CERT = /TLS (gateway )?handshake error|certificate signed by unknown authority|bad certificate/i;

(HAS_NETNS ? describeEachServerWithCli : () => undefined)(
  'the multi-region template, each region in its own network namespace, TLS and auth on',
  (server, cli) => {
    let net: SiteNetwork;
    beforeAll(async () => {
      net = await SiteNetwork.create(region);
    });
    afterAll(async () => {
      await net?.destroy();
    });

    it('forms the full mesh over TLS, one meta leader, a request across sites, a stream in a remote site, and the leaf reaches the hub through its domain', async () => {
      // given: the template, lint-clean but for edge's one server
      expect(lint(region).filter((p) => p.severity === 'error')).toEqual([]);
      const run = await SiteRun.prepare('multi-region', region, net, regionPasswords, nextRegionBase(), server);
      try {
        // when
        run.startAll();
        // then: routes, the gateway mesh of the three regions, JetStream meta groups (9 servers; edge its own), /healthz
        await waitFor(run, 'convergence', () => convergenceProblems(run));
        for (const s of run.servers.filter((x) => x.cluster.name !== 'edge')) {
          const gz = await run.monitor<{ outbound_gateways: Record<string, { connection?: { ip?: string } }> }>(s, '/gatewayz');
          expect(Object.keys(gz.outbound_gateways).sort(), s.name).toEqual(['ap-south', 'eu-west', 'us-east'].filter((n) => n !== s.cluster.name).sort());
          for (const [peer, g] of Object.entries(gz.outbound_gateways)) expect(`${s.name}→${peer} ${g.connection?.ip}`).toMatch(/ 10\.231\.0\.\d+$/);
          const varz = await run.monitor<{ tls_required?: boolean; gateway?: { tls_required?: boolean; tls_verify?: boolean } }>(s, '/varz');
          expect({ clients: varz.tls_required, gateway: varz.gateway }).toMatchObject({ clients: true, gateway: { tls_required: true, tls_verify: true } });
        }
        const east = run.servers.find((s) => s.name === 'nats-us-east-0')!;
        const south = run.servers.find((s) => s.name === 'nats-ap-south-0')!;
        const edge = run.servers.find((s) => s.cluster.name === 'edge')!;

        // a request from us-east answered in ap-south
        await requestAcrossSites(run, cli, east, south, regionApp);

        // a stream placed in eu-west, created and written from us-east
        const info = await streamPlacedIn(run, cli, east, 'eu-west', 3, regionApp);
        expect(info.cluster?.name).toBe('eu-west');
        expect(info.cluster?.leader).toMatch(/^nats-eu-west-\d$/);

        // one meta group over the nine region servers, seen by the system user from ap-south
        await expectOneMetaGroup(run, cli, south, regionSys, 9);

        // the leaf: a client of edge creates a stream in the hub's domain "global"; us-east's system holds it
        // the leaf dials one of us-east's servers, whichever its remote picks
        const hubs = run.servers.filter((s) => s.cluster.name === 'us-east');
        await waitFor(run, 'the leafnode connection', async () => {
          const leafs = await Promise.all(hubs.map(async (h) => (await run.monitor<{ leafs?: { account: string }[] }>(h, '/leafz')).leafs ?? []));
          return leafs.flat().some((l) => l.account === 'APP') ? [] : ['no leafnode connection in APP on us-east'];
        });
        const fromEdge = await retry('a stream in domain global from edge', async () => {
          const r = await run.cli(cli, edge, regionApp.user, regionApp.password, [
            '--js-domain',
            'global',
            'stream',
            'add',
            'FROM_EDGE',
            '--subjects',
            'from-edge.>',
            '--storage',
            'file',
            '--replicas',
            '1',
            '--defaults',
          ]);
          if (r.code !== 0) throw new Error(r.out);
          return r;
        });
        expect(fromEdge.code).toBe(0);
        const seen = await run.cli(cli, south, regionApp.user, regionApp.password, ['stream', 'info', 'FROM_EDGE', '--json']);
        expect(seen.code, seen.out).toBe(0);
        expect(['us-east', 'eu-west', 'ap-south']).toContain((JSON.parse(seen.out) as { cluster?: { name?: string } }).cluster?.name);
        // and edge's own domain does not answer for it
        const own = await run.cli(cli, edge, regionApp.user, regionApp.password, ['stream', 'info', 'FROM_EDGE', '--json']);
        expect(own.code).not.toBe(0);
      } finally {
        await run.stop();
      }
    });

    it("does not form ap-south's gateways when its certificate comes from another CA, and the checks say so", async () => {
      // given: ap-south's certificate and key replaced by ones from a CA nobody else trusts, with the same names
      const run = await SiteRun.prepare('multi-region-wrong-cert', region, net, regionPasswords, nextRegionBase(), server);
      const site = net.sites.get('ap-south')!;
      const sh = (script: string) => execFileSync('sh', ['-c', script], { cwd: run.local, stdio: 'pipe' });
      sh(
        [
          'set -e',
          'openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -keyout other-ca.key -out other-ca.crt -subj /CN=other 2>/dev/null',
          'openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout certs/ap-south.key -out x.csr -subj /CN=nats-ap-south 2>/dev/null',
          `printf '%s\\n' 'subjectAltName=IP:127.0.0.1,IP:${site.internal},IP:${site.external}' 'extendedKeyUsage=serverAuth,clientAuth' > x.ext`,
          'openssl x509 -req -days 1 -in x.csr -CA other-ca.crt -CAkey other-ca.key -CAcreateserial -extfile x.ext -out certs/ap-south.crt 2>/dev/null',
        ].join('\n'),
      );
      try {
        // when
        run.startAll();
        // then: once a handshake with ap-south has failed on the certificate and us-east has its routes, the checks fail on gateways
        await waitFor(run, 'a failed TLS handshake with ap-south and us-east routed', async () => {
          const failed = run.servers.some((s) => BAD_CERT.test(run.log(s.name)));
          const problems = (await convergenceProblems(run)).filter((p) => p.includes('nats-us-east') && p.includes('/routez'));
          return [...(failed ? [] : ['no failed TLS handshake logged yet']), ...problems];
        });
        const problems = await convergenceProblems(run);
        const gateways = problems.filter((p) => p.includes('outbound_gateways'));
        expect(gateways.length).toBeGreaterThanOrEqual(3);
        expect(gateways.some((p) => p.startsWith('nats-ap-south'))).toBe(true);
      } finally {
        await run.stop();
      }
    });
  },
);
