/**
 * Day-2 changes on real servers, each following the bundle README's procedure on the local target: a re-render keeps
 * the passwords (and a restarted server still takes them), a cluster switching from standalone to clustered keeps its
 * messages through `nats backup account` / `restore`, and a removed cluster leaves the meta group through
 * `nats server raft peer-remove`. The CLI renders every step, as a user runs it.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { renderBundle, serializeTopology, type Topology } from '../../src/core';
import { LOCAL_DIR } from '../../src/core/local/local-target';
import { cli } from '../support/cli';
import { describeEachServerWithCli, type NatsServerBinary } from '../support/tools';
import { convergenceProblems } from './checks';
import { attempt, password } from './clients';
import { pickBase, prepareFromDir, PORT_BANDS, start, waitFor, type Boot } from './harness';
import { checkMeta, natsCli, runWithSys, systemIdentity } from './natscli';
import { shapeTopology } from './shapes';
import { connect } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { passwordUsers } from '../../src/core/bundle/passwords';
import { passwordEnvVar } from '../../src/core/names';

const band = PORT_BANDS.dayTwo;
const boots: Boot[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const b of boots.splice(0)) await b.cleanup();
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

/** `nats-topology <args>` in this process, as a user runs it; its stdout and stderr. */
/** A folder with the design as topology.yaml, rendered as a local target on free ports, and started. */
async function deploy(label: string, topology: Topology, server: NatsServerBinary): Promise<{ b: Boot; dir: string; file: string; base: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'day-two-'));
  dirs.push(dir);
  const file = join(dir, 'topology.yaml');
  await writeFile(file, serializeTopology(topology));
  const base = await pickBase(band, 12);
  const r = cli('render', file, '--target', 'local', '--out', dir, '--base-port', String(base));
  expect(r.code, r.err).toBe(0);
  const { run, boot: b } = await start(await prepareFromDir(label, dir, base, server));
  boots.push(b);
  expect(run.code, run.stderr).toBe(0);
  b.timings.convergeMs = await waitFor(b, 'convergence', () => convergenceProblems(b));
  return { b, dir, file, base };
}

/** Renders a changed design into the same folder, as a user does on day 2; returns what the CLI said. */
async function rerender(b: Boot, file: string, base: number, topology: Topology): Promise<string> {
  await writeFile(file, serializeTopology(topology));
  const r = cli('render', file, '--target', 'local', '--out', b.dir, '--base-port', String(base));
  expect(r.code, r.err).toBe(0);
  await b.refresh();
  return `${r.out}\n${r.err}`;
}

/** Every user logs in on every server with the password from the first render. */
async function loginsEverywhere(b: Boot, first: Record<string, string>): Promise<string[]> {
  const failures: string[] = [];
  for (const s of b.servers) {
    for (const user of passwordUsers(b.topology)) {
      const r = await attempt(b, s, { user, pass: first[passwordEnvVar(user)] });
      if (!r.ok) failures.push(`${user}@${s.name}: ${r.error}`);
    }
  }
  return failures;
}

async function files(dir: string): Promise<Record<string, string>> {
  const names = await readdir(join(dir, LOCAL_DIR));
  const out: Record<string, string> = {};
  for (const n of names.filter((x) => /\.(conf|env|sh)$/.test(x))) out[n] = await readFile(join(dir, LOCAL_DIR, n), 'utf8');
  return out;
}

const app = (b: Boot) => ({ user: 'app', pass: password(b, 'app') });

describeEachServerWithCli('day-2 changes on the local target', (server, natsPath) => {
  it('a re-render keeps every password, and a server restarted afterwards still lets every user in with them', async () => {
    // Given a running 2×3 supercluster rendered by the CLI
    const t = shapeTopology({ id: 'keep', clusters: 2, replicas: 3, links: 'mesh', domain: null });
    const { b, file, base } = await deploy('day-2 passwords', t, server);
    const before = await files(b.dir);
    const first = { ...b.secrets };

    // When it is rendered again into its folder, and one server restarts (an eviction)
    const said = await rerender(b, file, base, t);
    await b.stopServer('nats-a-1');
    b.startServer('nats-a-1');
    await waitFor(b, 'convergence after the restart', () => convergenceProblems(b));

    // Then the CLI says it kept them, nothing changed, and every user gets in everywhere
    expect(said).toContain(`kept the passwords of 4 users from ${join(b.dir, LOCAL_DIR, 'secrets.env')}`);
    expect(await files(b.dir)).toEqual(before);
    expect(b.secrets).toEqual(first);
    expect(await loginsEverywhere(b, first)).toEqual([]);

    // And the Kubernetes bundle rendered into the same folder takes them too: rendered twice, no pod would roll
    expect(cli('render', file, '--out', b.dir).code).toBe(0);
    const manifests = await readFile(join(b.dir, 'clusters', 'a.yaml'), 'utf8');
    const secret = await readFile(join(b.dir, 'secret.yaml'), 'utf8');
    for (const [key, pw] of Object.entries(first)) expect(secret).toContain(`${key}: ${pw}`);
    expect(cli('render', file, '--out', b.dir).code).toBe(0);
    expect(await readFile(join(b.dir, 'clusters', 'a.yaml'), 'utf8')).toBe(manifests);
  });

  it('standalone to clustered: the streams are not found after the switch, and backup then restore brings every message back', async () => {
    // Given one standalone JetStream server with a stream of 50 messages
    const t = shapeTopology({ id: 'solo', clusters: 1, replicas: 1, links: 'none', domain: null });
    const { b, file, base } = await deploy('day-2 standalone', t, server);
    const nc = await connect({ servers: b.clientUrl(b.servers[0]), ...app(b), reconnect: false });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'ORDERS', subjects: ['orders.>'], storage: StorageType.File, num_replicas: 1 });
      const js = jetstream(nc);
      for (let i = 0; i < 50; i++) await js.publish('orders.new', `order ${i}`);
    } finally {
      await nc.close();
    }

    // When it is scaled to 3 servers, following the README: back up, apply (restart), restore
    const scaled = structuredClone(t);
    scaled.clusters[0].replicas = 3;
    const said = await rerender(b, file, base, scaled);
    expect(said).toContain('CHANGE_JETSTREAM_MODE');
    const backup = join(b.dir, 'backup');
    const saved = await natsCli(natsPath, b, b.servers[0], app(b), ['backup', 'account', backup, '-f']);
    expect(saved.code, saved.out).toBe(0);
    await b.stopServer('nats-a-0');
    for (const s of b.servers) b.startServer(s.name);
    // A server that starts clustered over a standalone store takes longer to enable JetStream than a fresh one.
    await waitFor(b, 'convergence as 3 servers', () => convergenceProblems(b), 120_000);

    // Then the stream is gone from the clustered view, and the restore brings all 50 messages back, then to R3
    const asked = await connect({ servers: b.clientUrl(b.servers[1]), ...app(b), reconnect: false });
    try {
      await expect((await jetstreamManager(asked)).streams.info('ORDERS')).rejects.toThrow(/stream not found/i);
    } finally {
      await asked.close();
    }
    const restored = await natsCli(natsPath, b, b.servers[1], app(b), ['backup', 'restore', 'account', backup]);
    expect(restored.code, restored.out).toBe(0);
    const edited = await natsCli(natsPath, b, b.servers[1], app(b), ['stream', 'edit', 'ORDERS', '--replicas', '3', '-f']);
    expect(edited.code, edited.out).toBe(0);
    await waitFor(b, 'three current replicas of ORDERS', async () => {
      const info = await natsCli(natsPath, b, b.servers[2], app(b), ['stream', 'info', 'ORDERS', '--json']);
      const j = JSON.parse(info.out) as { state: { messages: number }; cluster?: { leader?: string; replicas?: { current: boolean }[] } };
      const current = (j.cluster?.replicas ?? []).filter((r) => r.current).length;
      return j.state.messages === 50 && j.cluster?.leader && current === 2
        ? []
        : [`messages ${j.state.messages}, leader ${j.cluster?.leader}, current replicas ${current}`];
    });
  });

  it('removing a cluster: its servers out one at a time with peer-remove, the rest rolled; the meta group holds only what remains', async () => {
    // Given a running chain a–b–c of 3 servers each, with a stream of 20 messages in a
    const t = shapeTopology({ id: 'prune', clusters: 3, replicas: 3, links: 'chain', domain: null });
    const { b, file, base } = await deploy('day-2 prune', t, server);
    const nc = await connect({ servers: b.clientUrl(b.servers[0]), ...app(b), reconnect: false });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'KEEP', subjects: ['keep.>'], storage: StorageType.File, num_replicas: 3, placement: { cluster: 'a', tags: [] } });
      const js = jetstream(nc);
      for (let i = 0; i < 20; i++) await js.publish('keep.one', `message ${i}`);
    } finally {
      await nc.close();
    }

    // When c is removed from the design and the README's procedure is followed
    const smaller = { ...structuredClone(t), clusters: t.clusters.slice(0, 2), gateways: [['a', 'b']] as [string, string][] };
    const said = await rerender(b, file, base, smaller);
    expect(said).toContain('CHANGE_CLUSTER_REMOVED');
    const sys = systemIdentity(b)!;
    const asker = b.servers[0];
    // The README's own loop, run as each of c's servers is gone: until a meta leader answers and no longer lists the
    // server, peer-remove it again. Its example cluster is `old`; an operator writes their cluster's name in its place.
    const readme = renderBundle(smaller).find((f) => f.path === 'README.md')!.content;
    const removal = /^Take the old cluster's servers out[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme)![1].split('\n');
    // Its lines after the wait for the pod to be gone, to the loop's end
    const from = removal.findIndex((line) => /kubectl wait --for=delete pod\/nats-old-\$i /.test(line)) + 1;
    const loop = removal.slice(from, removal.indexOf('  done', from) + 1);
    expect(loop.join('\n')).toMatch(/^ {2}until [\s\S]*peer-remove nats-old-\$i/m);
    for (const i of [2, 1, 0]) {
      await b.stopServer(`nats-c-${i}`);
      const removed = await runWithSys(natsPath, b, asker, [`i=${i}`, ...loop].join('\n').replaceAll('nats-old-', 'nats-c-'), 120_000);
      expect(removed.code, `nats-c-${i} still in the meta group after 120 s:\n${removed.out}`).toBe(0);
    }
    // The remaining clusters roll onto confs whose gateway blocks no longer name c: all at once, each one server at a
    // time, as `kubectl apply` rolls every StatefulSet
    const rollCluster = async (cluster: string) => {
      for (const s of b.servers.filter((x) => x.cluster.name === cluster)) {
        await b.stopServer(s.name);
        b.startServer(s.name);
        await waitFor(b, `${s.name} back`, async () => ((await b.http(s, '/healthz?js-enabled-only=true')).status === 200 ? [] : ['not ready']));
      }
    };
    await Promise.all(['a', 'b'].map(rollCluster));
    // Then the README's next step, its own lines: a new meta leader sends its view of the group, and every peer it cannot
    // name is removed by ID. On 2.9.10 a restart can bring c's servers back (docs/nats-server.md).
    const block = /^nats-server 2\.9 can bring[\s\S]*?```sh\n([\s\S]*?)```/m.exec(readme)![1].split('\n');
    expect(block[0]).toMatch(/^kill \$PF; kubectl port-forward/);
    // What 2.9.10 left behind, for the log: peers the leader cannot name, servers counting more than 6
    // Each server's view of the meta group, from its /jsz
    const metaViews = () =>
      Promise.all(
        b.servers.map(
          async (s) => (await b.monitor<{ meta_cluster: { leader?: string; cluster_size: number; replicas?: { name: string }[] } }>(s, '/jsz')).meta_cluster,
        ),
      );
    const before = await natsCli(natsPath, b, asker, sys, ['server', 'report', 'jetstream']);
    const sizes = (await metaViews()).map((m) => m.cluster_size);
    const nameless = [...before.out.matchAll(/peerID: (\w+)/g)].map((m) => m[1]);
    if (nameless.length > 0 || sizes.some((n) => n !== 6))
      console.info(`${server.version} after the roll: nameless ${nameless.join(', ') || 'none'}; group sizes ${sizes.join(' ')}`);
    const ran = await runWithSys(natsPath, b, asker, block.slice(1).join('\n'), 60_000);
    expect(ran.code, ran.out).toBe(0);

    // Then the system is a and b alone: one meta group of 6 with no c among its peers, and the stream intact
    b.timings.convergeMs = await waitFor(b, 'convergence without c', () => convergenceProblems(b)).catch(async (e: unknown) => {
      // What the meta leader says of its group, for whoever reads the failure.
      const report = await natsCli(natsPath, b, asker, sys, ['server', 'report', 'jetstream']);
      const views = (await metaViews()).map(
        (m, i) => `${b.servers[i].name}: size ${m.cluster_size}, leader ${m.leader}, peers ${(m.replicas ?? []).map((r) => r.name).join(' ')}`,
      );
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n--- nats server report jetstream (exit ${report.code})\n${report.out}\n--- /jsz\n${views.join('\n')}`,
      );
    });
    const meta = await checkMeta(natsPath, b, asker, 6);
    expect(meta!.out).toMatch(/^OK JetStream Meta Cluster OK:6 peers led by nats-[ab]-\d/);
    for (const s of b.servers) {
      const jsz = await b.monitor<{ meta_cluster: { cluster_size: number; replicas?: { name: string }[] } }>(s, '/jsz');
      expect(jsz.meta_cluster.cluster_size).toBe(6);
      expect((jsz.meta_cluster.replicas ?? []).filter((r) => r.name.startsWith('nats-c-'))).toEqual([]);
      const gw = await b.monitor<{ outbound_gateways?: Record<string, unknown> }>(s, '/gatewayz');
      expect(Object.keys(gw.outbound_gateways ?? {})).toEqual([s.cluster.name === 'a' ? 'b' : 'a']);
    }
    const info = await natsCli(natsPath, b, asker, app(b), ['stream', 'info', 'KEEP', '--json']);
    expect((JSON.parse(info.out) as { state: { messages: number } }).state.messages).toBe(20);
  }, 180_000);
});
