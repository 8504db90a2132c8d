/**
 * Failures on a booted local target, as they happen in production: a server killed, a whole cluster (a region)
 * killed, a cluster restarted one server at a time through lame duck mode under load. Each scenario measures what
 * stayed up and compares it with what `survival()` claims for the design; the failure tests assert on the records.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { parseAllDocuments } from 'yaml';
import { renderBundle } from '../../src/core/bundle/bundle';
import type { Topology } from '../../src/core/model';
import { survival, type SystemSurvival } from '../../src/core/survival/survival';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import type { LocalServer } from '../../src/core/local/plan';
import { convergenceProblems } from './checks';
import { appIdentity, connectTo, type Identity } from './clients';
import { retry, waitFor, type Boot } from './harness';

/** The HTTP paths the bundle's StatefulSet probes ask, read from the rendered manifest (never copied). */
export interface ProbePaths {
  startup: string;
  readiness: string;
  liveness: string;
}

export function probePaths(topology: Topology, cluster: string): ProbePaths {
  const file = renderBundle(topology).find((f) => f.path === `clusters/${cluster}.yaml`)!;
  const sts = parseAllDocuments(file.content)
    .map((d) => d.toJS() as { kind: string; spec: { template: { spec: { containers: Record<string, { httpGet: { path: string } }>[] } } } })
    .find((o) => o.kind === 'StatefulSet')!;
  const c = sts.spec.template.spec.containers[0];
  return { startup: c.startupProbe.httpGet.path, readiness: c.readinessProbe.httpGet.path, liveness: c.livenessProbe.httpGet.path };
}

/** One measured failure, a row of the failure matrix. */
export interface FailureRecord {
  design: string;
  failure: string;
  version: string;
  /** What the design's survival statement says should happen, and what did. */
  claim: string;
  actual: string;
  /** From the restart of what was killed until every check of a boot passed again. */
  recoverMs?: number;
  sent?: number;
  acked?: number;
  stored?: number;
  coreOk?: number;
  coreFailed?: number;
  notes: string[];
}

export const records: FailureRecord[] = [];

const app = (b: Boot): Identity => appIdentity(b, true)!;

export function systemOf(b: Boot, cluster: string): SystemSurvival {
  return survival(b.topology).find((s) => s.clusters.includes(cluster))!;
}

function serversOf(b: Boot, cluster: string): LocalServer[] {
  return b.servers.filter((s) => s.cluster.name === cluster);
}

/** SIGKILLs servers at once (a crash, a node or a region gone), and waits until they are gone. */
export async function kill(b: Boot, names: string[]): Promise<void> {
  for (const n of names) {
    const pid = b.pids.get(n);
    if (pid !== undefined && b.alive(n)) process.kill(pid, 'SIGKILL');
  }
  await waitFor(b, `${names.join(', ')} gone`, async () => names.filter((n) => b.alive(n)));
  for (const n of names) b.pids.delete(n);
}

/** Puts a server in lame duck mode the way the preStop hook does: `nats-server --signal ldm=<pid file>`. */
export function lameDuck(b: Boot, name: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(b.binary.path, ['--signal', `ldm=${join(b.local, LOCAL_PATHS.pidFile(name))}`], { cwd: b.local, timeout: 10_000 }, (err) =>
      err ? reject(err) : resolve(),
    ),
  );
}

/** A stream with up to 3 replicas placed in `cluster`, made through `via`. */
export async function makeStream(b: Boot, via: LocalServer, name: string, cluster: string, subject: string): Promise<number> {
  const replicas = Math.min(3, serversOf(b, cluster).length);
  const nc = await connectTo(b, via, app(b));
  try {
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    await retry(`stream ${name} in ${cluster}`, () =>
      jsm.streams.add({
        name,
        subjects: [`${subject}.>`],
        storage: StorageType.File,
        num_replicas: replicas,
        max_bytes: 8 * 1024 * 1024,
        placement: { cluster, tags: [] },
      }),
    );
    return replicas;
  } finally {
    await nc.close();
  }
}

/** Publishes `count` messages and returns the ids of those acknowledged. */
export async function publish(b: Boot, via: LocalServer, subject: string, prefix: string, count: number): Promise<string[]> {
  const nc = await connectTo(b, via, app(b));
  const acked: string[] = [];
  try {
    const js = jetstream(nc, { timeout: 3_000 });
    for (let i = 0; i < count; i++) {
      const id = `${prefix}-${i}`;
      try {
        await js.publish(`${subject}.m`, id, { msgID: id });
        acked.push(id);
      } catch {
        // not acknowledged: not counted, whatever the server did with it
      }
    }
  } finally {
    await nc.close();
  }
  return acked;
}

/** Every message body of a stream, read through `via` with an ordered consumer (retried while leaders settle). */
export function storedIds(b: Boot, via: LocalServer, stream: string): Promise<Set<string>> {
  return retry(`messages of ${stream}`, () => readIds(b, via, stream), 30_000, 1_000);
}

async function readIds(b: Boot, via: LocalServer, stream: string): Promise<Set<string>> {
  const nc = await connectTo(b, via, app(b));
  try {
    const js = jetstream(nc, { timeout: 5_000 });
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    const total = (await retry(`info of ${stream}`, () => jsm.streams.info(stream))).state.messages;
    const out = new Set<string>();
    if (total === 0) return out;
    const consumer = await js.consumers.get(stream);
    const messages = await consumer.fetch({ max_messages: total, expires: 10_000 });
    for await (const m of messages) {
      out.add(m.string());
      if (out.size >= total) break;
    }
    return out;
  } finally {
    await nc.close();
  }
}

/** Whether a request from `from` reaches a responder on `to` (core NATS, through the gateways when they differ). */
export async function coreRequest(b: Boot, from: LocalServer, to: LocalServer, timeoutMs = 1_000): Promise<boolean> {
  const who = app(b);
  const responder = await connectTo(b, to, who);
  const subject = `failure.echo.${to.name}.${Math.random().toString(36).slice(2)}`;
  try {
    responder.subscribe(subject, { callback: (_e, m) => void m.respond('pong') });
    await responder.flush();
    const requester = await connectTo(b, from, who);
    try {
      // Gateway interest takes a moment to spread: a few tries.
      for (let i = 0; i < 10; i++) {
        try {
          if ((await requester.request(subject, 'ping', { timeout: timeoutMs })).string() === 'pong') return true;
        } catch {
          await new Promise((r) => setTimeout(r, 300));
        }
      }
      return false;
    } finally {
      await requester.close();
    }
  } finally {
    await responder.close();
  }
}

/** Whether JetStream answers through `via`: a stream created in `cluster`, a message stored, the stream removed. */
export async function jetstreamWorks(b: Boot, via: LocalServer, cluster: string, timeoutMs = 4_000): Promise<string | null> {
  let nc: NatsConnection | undefined;
  try {
    nc = await connectTo(b, via, app(b));
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    const name = `PROBE_${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
    await jsm.streams.add({ name, subjects: [`probe.${name}.>`], storage: StorageType.Memory, num_replicas: 1, placement: { cluster, tags: [] } });
    await jetstream(nc, { timeout: timeoutMs }).publish(`probe.${name}.x`, 'x');
    await jsm.streams.delete(name);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await nc?.close();
  }
}

/** Samples an HTTP path on servers until `stop` resolves; returns every non-200 answer seen. */
export function watchHttp(b: Boot, servers: LocalServer[], path: string, everyMs = 500): { stop: () => Promise<string[]> } {
  const bad: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      await Promise.all(
        servers.map(async (s) => {
          try {
            const r = await b.http(s, path);
            if (r.status !== 200) bad.push(`${s.name} ${path}: ${r.status} ${r.body.trim()}`);
          } catch (e) {
            bad.push(`${s.name} ${path}: ${e instanceof Error ? e.message : String(e)}`);
          }
        }),
      );
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return bad;
    },
  };
}

/** Restarts servers that were killed, and measures until every check of a boot passes again. */
export async function recover(b: Boot, names: string[]): Promise<number> {
  const t0 = performance.now();
  for (const n of names) b.startServer(n);
  // Generous: on 2.9.10 a meta group of two once took 90 s to elect a leader again (docs/nats-server.md).
  await waitFor(b, `recovery of ${names.join(', ')}`, () => convergenceProblems(b), 180_000);
  return performance.now() - t0;
}

/**
 * Continuous load while `during` runs: a JetStream publisher and a core requester connected through `via`, and two
 * responders connected to the servers of `cluster` (with reconnects, as applications do). Returns the counts and
 * the servers the responders used.
 */
export async function underLoad(
  b: Boot,
  via: LocalServer,
  cluster: string,
  stream: { subject: string },
  during: () => Promise<void>,
): Promise<{ sent: number; acked: string[]; coreOk: number; coreFailed: number; longestCoreGapMs: number; responderServers: string[] }> {
  const who = app(b);
  const urls = serversOf(b, cluster).map((s) => b.clientUrl(s));
  const responders = await Promise.all(
    [0, 1].map(() => connect({ servers: urls, ...who, reconnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 200, name: 'failure-responder' })),
  );
  const seen = new Set<string>();
  for (const r of responders) {
    r.subscribe('load.echo', { queue: 'echo', callback: (_e, m) => void m.respond('pong') });
    await r.flush();
  }
  const publisher = await connectTo(b, via, who);
  const requester = await connectTo(b, via, who);
  let running = true;
  let sent = 0;
  const acked: string[] = [];
  let coreOk = 0;
  let coreFailed = 0;
  let lastOk = performance.now();
  let longestCoreGapMs = 0;
  const js = jetstream(publisher, { timeout: 2_000 });
  const pub = (async () => {
    while (running) {
      const id = `load-${sent++}`;
      try {
        await js.publish(`${stream.subject}.m`, id, { msgID: id });
        acked.push(id);
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const core = (async () => {
    while (running) {
      try {
        await requester.request('load.echo', 'ping', { timeout: 1_000 });
        coreOk++;
        longestCoreGapMs = Math.max(longestCoreGapMs, performance.now() - lastOk);
        lastOk = performance.now();
      } catch {
        coreFailed++;
      }
      for (const r of responders) {
        const s = r.info?.server_name;
        if (s) seen.add(s);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  try {
    await during();
    // A little more load after the last server is back.
    await new Promise((r) => setTimeout(r, 1_000));
  } finally {
    running = false;
    await Promise.all([pub, core]);
    await Promise.all([publisher.close(), requester.close(), ...responders.map((r) => r.close())]);
  }
  return { sent, acked, coreOk, coreFailed, longestCoreGapMs, responderServers: [...seen].sort() };
}
