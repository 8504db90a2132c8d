/**
 * What start.sh and stop.sh promise (all or nothing, never a foreign pid), what /healthz answers on 2.9.10
 * (input for the Kubernetes probes), and a full boot without JetStream.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_DIR } from '../../src/core/local/local-target';
import { LOCAL_HOST } from '../../src/core/local/plan';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import { convergenceProblems } from './checks';
import { placeStream, streamMessages } from './clients';
import { boot, bootSuite, PORT_BANDS, prepare, processesIn, runScript, start, waitFor, type Boot } from './harness';
import { SHAPES, shapeTopology } from './shapes';
import { bootCases } from './suite';

const band = PORT_BANDS.scripts;
const shape = (id: string) => SHAPES.find((s) => s.id === id)!;
const HEALTHZ = ['/healthz', '/healthz?js-enabled-only=true', '/healthz?js-server-only=true'];

async function healthz(b: Boot, server: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of HEALTHZ) {
    const r = await b.http(b.server(server), path);
    out[path] = `${r.status} ${r.body.trim()}`;
  }
  return out;
}

bootSuite('local start.sh and stop.sh', (server) => {
  describe('on a running 2×1 supercluster', () => {
    let b: Boot | undefined;
    let decoy: ReturnType<typeof spawn> | undefined;
    beforeAll(async () => {
      b = await boot('scripts 2x1', shapeTopology(shape('2x1')), { band, binary: server });
    });
    afterAll(async () => {
      decoy?.kill('SIGKILL');
      if (b) {
        await b.cleanup();
        console.log(b.summary());
      }
    });

    it('start.sh refuses to start again while its servers run, and leaves them running', async () => {
      const x = b!;
      const again = await runScript(join(x.local, 'start.sh'), server);
      expect(again.code).toBe(1);
      expect(again.stderr).toBe('start.sh: nats-a-0 is already running (pid ' + x.pids.get('nats-a-0') + '); stop it with: sh stop.sh\n');
      for (const s of x.servers) expect(x.alive(s.name), s.name).toBe(true);
    });

    it('stop.sh never signals a pid whose process is not its server (a recycled pid)', async () => {
      const x = b!;
      decoy = spawn('sleep', ['60'], { stdio: 'ignore' });
      // nats-b-0's pid file now names a foreign process: stop.sh must leave it alone (and so loses nats-b-0).
      writeFileSync(join(x.local, LOCAL_PATHS.pidFile('nats-b-0')), `${decoy.pid}\n`);
      const result = (await x.stop())!;
      expect(result.run.code).toBe(0);
      expect(decoy.exitCode).toBeNull();
      expect(decoy.signalCode).toBeNull();
      expect(result.leftovers).toEqual(['nats-b-0']); // killed by the harness, by its recorded pid
      expect(x.alive('nats-a-0')).toBe(false);
    });
  });

  it('start.sh starts nothing when one server cannot start, and says which and why', async () => {
    const p = await prepare('scripts busy port', shapeTopology(shape('2x1')), { band, binary: server });
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(p.servers[1].ports.cluster, LOCAL_HOST, resolve));
    try {
      const { run, boot: b } = await start(p);
      try {
        expect(run.code).toBe(1);
        expect(run.stderr).toContain('start.sh: nats-b-0 exited; the end of logs/nats-b-0.log:');
        expect(run.stderr).toContain(`bind: address already in use`);
        expect(run.stderr).toContain('start.sh: stopping the other servers');
        expect(processesIn(join(p.dir, LOCAL_DIR))).toEqual([]);
        for (const s of p.servers) expect(existsSync(join(p.dir, LOCAL_DIR, LOCAL_PATHS.pidFile(s.name)))).toBe(false);
      } finally {
        await b.cleanup();
      }
    } finally {
      taken.close();
      await rm(p.dir, { recursive: true, force: true });
    }
  });

  it('keeps JetStream data across stop.sh and start.sh', async () => {
    const p = await prepare('scripts restart', shapeTopology(shape('1x3')), { band, binary: server });
    const first = await start(p);
    let second: Boot | undefined;
    try {
      expect(first.run.code, first.run.stderr).toBe(0);
      await waitFor(first.boot, 'convergence', () => convergenceProblems(first.boot));
      expect((await placeStream(first.boot)).replicas).toBe(3);
      expect((await first.boot.stop())!.leftovers).toEqual([]);

      const again = await start(p);
      second = again.boot;
      expect(again.run.code, again.run.stderr).toBe(0);
      second.timings.convergeMs = await waitFor(second, 'convergence after the restart', () => convergenceProblems(second!));
      expect(await streamMessages(second, 'BOOT')).toBe(1);
    } finally {
      await first.boot.stop();
      if (second) {
        await second.cleanup();
        console.log(second.summary());
      } else {
        await rm(p.dir, { recursive: true, force: true });
      }
    }
  });

  // /varz copies the JetStream config once, at its first request (docs/nats-server.md, "Monitoring fields"). A store
  // folder crowded with files keeps the server in its store check, before JetStream is on, long enough to ask in between.
  it('keeps the empty JetStream config of a /varz asked before JetStream was on, and the convergence check still passes', async () => {
    const p = await prepare('varz before JetStream', shapeTopology(shape('1x1')), { band, binary: server });
    const s = p.servers[0];
    const store = join(p.dir, LOCAL_DIR, LOCAL_PATHS.storeDir(s.name));
    mkdirSync(store, { recursive: true });
    for (let i = 0; i < 50_000; i++) writeFileSync(join(store, `f${i}`), '');
    const varz = async () => {
      try {
        return (await (await fetch(`http://${LOCAL_HOST}:${s.ports.monitor}/varz`)).json()) as { jetstream?: { config?: unknown } };
      } catch {
        return undefined;
      }
    };
    const deadline = Date.now() + 15_000;
    const firstAnswer = (async () => {
      for (let v = await varz(); Date.now() < deadline; v = await varz()) if (v) return v;
      throw new Error('/varz never answered');
    })();
    const { run, boot: b } = await start(p);
    try {
      expect(run.code, run.stderr).toBe(0);
      expect((await firstAnswer).jetstream?.config).toBeUndefined();
      b.timings.convergeMs = await waitFor(b, 'convergence', () => convergenceProblems(b));
      expect((await b.monitor<{ config: { max_storage: number } }>(s, '/jsz')).config.max_storage).toBeGreaterThan(0);
      expect((await varz())?.jetstream?.config).toBeUndefined();
    } finally {
      await b.cleanup();
      console.log(b.summary());
    }
  });

  describe('/healthz', () => {
    it('answers 200 ok to every variant when JetStream is disabled', async () => {
      const t = shapeTopology(shape('1x3'));
      t.jetstream.enabled = false;
      const b = await boot('healthz without JetStream', t, { band, binary: server });
      try {
        b.timings.convergeMs = await waitFor(b, 'convergence', () => convergenceProblems(b));
        expect(await healthz(b, 'nats-a-0')).toEqual({
          '/healthz': '200 {"status":"ok"}',
          '/healthz?js-enabled-only=true': '200 {"status":"ok"}',
          '/healthz?js-server-only=true': '200 {"status":"ok"}',
        });
      } finally {
        await b.cleanup();
        console.log(b.summary());
      }
    });

    // js-server-only changed meaning: 2.9.10 asks for contact with the meta leader; 2.14 only that the server
    // accepts connections, so there it stays 200 when the meta leader is gone (docs/nats-server.md).
    it('answers 503 on the full check when a JetStream server has lost its meta leader, and on js-server-only only before 2.10', async () => {
      const b = await boot('healthz without meta leader', shapeTopology({ id: '1x2', clusters: 1, replicas: 2, links: 'none', domain: null }), {
        band,
        binary: server,
      });
      try {
        b.timings.convergeMs = await waitFor(b, 'convergence', () => convergenceProblems(b));
        const ok = '200 {"status":"ok"}';
        // A meta group of two has no quorum without either server. Kill the leader: the survivor notices in
        // about 2 s (a leader whose follower dies keeps claiming leadership for about 20 s on 2.9.10).
        const leader = (await b.monitor<{ meta_cluster: { leader: string } }>(b.servers[0], '/jsz')).meta_cluster.leader;
        const survivor = b.servers.find((s) => s.name !== leader)!.name;
        expect(await healthz(b, survivor)).toEqual(Object.fromEntries(HEALTHZ.map((path) => [path, ok])));
        process.kill(b.pids.get(leader)!, 'SIGKILL');
        const unavailable = '503 {"status":"unavailable","error":"JetStream has not established contact with a meta leader"}';
        await waitFor(b, 'loss of the meta leader', async () => ((await healthz(b, survivor))['/healthz'] === unavailable ? [] : ['still healthy']));
        expect(await healthz(b, survivor)).toEqual({
          '/healthz': unavailable,
          '/healthz?js-enabled-only=true': ok,
          '/healthz?js-server-only=true': server.role === 'oldest' ? unavailable : ok,
        });
      } finally {
        await b.cleanup();
        console.log(b.summary());
      }
    });
  });

  bootCases(
    [{ label: 'shape 2x3 without JetStream', topology: () => Object.assign(shapeTopology(shape('2x3')), { jetstream: { enabled: false, domain: null } }) }],
    band,
    server,
  );
});
