/**
 * What the monitoring and nats-box switches and leafnode links promise, on real servers of both versions: every
 * monitoring endpoint the exporter sidecar polls answers; the nats CLI commands the bundle README runs in the nats-box
 * pass, with the pod's context (its environment: NATS_URL, NATS_USER, NATS_PASSWORD) pointed at the local target
 * instead; and a leaf cluster with its own JetStream domain reaches the hub's JetStream through the hub's domain.
 */
import { execFile, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_USER } from '../../src/core/names';
import { exporterEndpoints } from '../../src/core/k8s/monitoring';
import { natsBoxCommands } from '../../src/core/bundle/nats-box-commands';
import { parseTopology } from '../../src/core/parse/parse-topology';
import type { Topology } from '../../src/core/model';
import { IN_CI, NATS_CLI, NATSCLI_VERSION } from '../support/tools';
import { convergenceProblems } from './checks';
import { connectTo, password } from './clients';
import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { leafReadmeCommand } from '../../src/core/bundle/readme-leafnodes';
import { boot, bootSuite, PORT_BANDS, waitFor, type Boot } from './harness';

const band = PORT_BANDS.bundleFeatures;

function design(): Topology {
  const r = parseTopology({
    version: 1,
    name: 'box',
    accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
    jetstream: { domain: 'hub' },
    defaults: { replicas: 1 },
    clusters: [{ name: 'a' }, { name: 'b' }, { name: 'edge', domain: 'edge' }],
    gateways: [['a', 'b']],
    leafnodes: [['edge', 'a']],
    monitoring: { exporter: true },
    natsBox: true,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

interface CliRun {
  code: number;
  out: string;
}

/** The nats-box pod's environment, with the local target's address of the first cluster in place of its Service. */
function podEnv(b: Boot): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: b.dir,
    NO_COLOR: '1',
    NATS_URL: b.clientUrl(b.servers[0]),
    NATS_USER: SYSTEM_USER,
    NATS_PASSWORD: password(b, SYSTEM_USER),
  };
}

function nats(b: Boot, args: string[]): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(NATS_CLI!, args, { timeout: 20_000, env: podEnv(b) }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

bootSuite('monitoring endpoints, the nats-box commands and a leafnode', (server) => {
  describe('on a 2×1 supercluster with both switches on and a leaf cluster', () => {
    let b: Boot | undefined;
    beforeAll(async () => {
      b = await boot('features 2x1+leaf', design(), { band, binary: server });
      await waitFor(b, 'convergence', () => convergenceProblems(b!));
    });
    afterAll(async () => {
      if (b) await b.cleanup();
    });

    it('answers every endpoint the exporter sidecar polls, with JSON, on every server', async () => {
      const x = b!;
      const endpoints = exporterEndpoints(x.topology);
      expect(endpoints.map((e) => e.flag)).toContain('-jsz=all');
      for (const s of x.servers) {
        for (const e of endpoints) {
          const r = await x.http(s, e.path);
          expect(r.status, `${s.name} ${e.path}: ${r.body}`).toBe(200);
          expect(() => JSON.parse(r.body) as unknown, `${s.name} ${e.path}`).not.toThrow();
        }
      }
    });

    it("passes the README's nats-box commands: a connection check, every server listed, a request across the gateways", async (ctx) => {
      if (!NATS_CLI) {
        if (IN_CI) throw new Error(`natscli v${NATSCLI_VERSION} not found; CI=true requires it (sh scripts/install-test-tools.sh)`);
        console.warn(`!!! SKIPPING the nats-box commands: natscli v${NATSCLI_VERSION} not found !!!`);
        ctx.skip();
      }
      const x = b!;
      const url = (cluster: string) => x.clientUrl(x.servers.find((s) => s.cluster.name === cluster)!);
      const cmds = natsBoxCommands(x.topology, url, true);

      const check = await nats(x, cmds.check);
      expect(check.out, check.out).toMatch(/^OK Connection OK/);
      expect(check.code).toBe(0);

      const list = await nats(x, cmds.list!);
      expect(list.code, list.out).toBe(0);
      for (const s of x.servers.filter((s) => s.cluster.name !== 'edge')) expect(list.out, list.out).toContain(s.name);

      // The reply runs in the far cluster; the request is retried until the reply's interest has crossed the gateway.
      const across = cmds.across!;
      expect([across.requestCluster, across.replyCluster]).toEqual(['a', 'b']);
      const reply = spawn(NATS_CLI!, across.reply, { env: podEnv(x) });
      try {
        let answer = '';
        await waitFor(x, 'a request answered across the gateways', async () => {
          const r = await nats(x, [...across.request, '--timeout', '1s']);
          answer = r.out;
          return r.code === 0 && r.out.includes('pong from b') ? [] : [r.out];
        });
        expect(answer).toContain('pong from b');
      } finally {
        reply.kill('SIGKILL');
      }
    });

    it("lets a client of the leaf create a stream in the hub's domain, which the hub's servers hold", async (ctx) => {
      const x = b!;
      const edge = x.servers.find((s) => s.cluster.name === 'edge')!;
      const hubSide = x.servers.find((s) => s.cluster.name === 'b')!;
      // The leaf's remote is up: the hub sees one leafnode connection, in the application account.
      await waitFor(x, 'the leafnode connection', async () => {
        const leafz = await x.monitor<{ leafs?: { account: string }[] }>(x.servers[0], '/leafz');
        return leafz.leafs?.some((l) => l.account === 'APP') ? [] : [JSON.stringify(leafz)];
      });
      const app = { user: 'app', pass: password(x, 'app') };
      const nc = await connectTo(x, edge, app);
      try {
        const hub = await jetstreamManager(nc, { domain: 'hub' });
        await hub.streams.add({ name: 'FROM_EDGE', subjects: ['from-edge.>'], storage: StorageType.File, num_replicas: 1 });
        const own = await jetstreamManager(nc);
        await own.streams.add({ name: 'AT_EDGE', subjects: ['at-edge.>'], storage: StorageType.File, num_replicas: 1 });
      } finally {
        await nc.close();
      }
      const hc = await connectTo(x, hubSide, app);
      try {
        const jsm = await jetstreamManager(hc);
        const info = await jsm.streams.info('FROM_EDGE');
        expect(['a', 'b']).toContain(info.cluster?.name);
        // The leaf's own stream stays in its own domain
        await expect(jsm.streams.info('AT_EDGE')).rejects.toThrow(/stream not found/);
      } finally {
        await hc.close();
      }
      // What the bundle README tells a leaf's user to run
      if (!NATS_CLI) {
        if (IN_CI) throw new Error(`natscli v${NATSCLI_VERSION} not found; CI=true requires it`);
        ctx.skip();
      }
      const ls = await new Promise<CliRun>((resolve) =>
        execFile(
          NATS_CLI!,
          ['--no-context', '--server', x.clientUrl(edge), '--user', 'app', '--password', app.pass, ...leafReadmeCommand('hub'), '--names'],
          { timeout: 20_000, env: { PATH: process.env.PATH ?? '', HOME: x.dir, NO_COLOR: '1' } },
          (err, stdout, stderr) => resolve({ code: err ? -1 : 0, out: `${stdout}${stderr}` }),
        ),
      );
      expect(ls.code, ls.out).toBe(0);
      expect(ls.out.split('\n')).toContain('FROM_EDGE');
    });
  });
});
