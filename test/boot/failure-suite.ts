/** The failure tests of one server version: each design booted once, its failures run in turn. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Topology } from '../../src/core/model';
import type { NatsServerBinary } from '../support/tools';
import { convergenceProblems } from './checks';
import { appIdentity, connectTo } from './clients';
import {
  coreRequest,
  jetstreamWorks,
  kill,
  lameDuck,
  makeStream,
  probePaths,
  publish,
  recover,
  records,
  storedIds,
  systemOf,
  underLoad,
  watchHttp,
  type FailureRecord,
} from './failures';
import { boot, retry, waitFor, type Boot, type PortBand } from './harness';

export interface FailureCase {
  label: string;
  topology: () => Topology;
  /** Kill one server (the leader of a stream there) of this cluster, then bring it back. */
  oneServer?: string;
  /** Kill every server of this cluster at once, then bring them back. */
  wholeCluster?: string;
  /** Restart this cluster one server at a time through lame duck mode, under load. */
  roll?: string;
}

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(1)} s`);

export function failureCases(cases: FailureCase[], band: PortBand, server: NatsServerBinary): void {
  for (const c of cases) {
    describe(c.label, () => {
      let b: Boot | undefined;
      const booted = () => {
        if (!b) throw new Error('the boot failed; see beforeAll');
        return b;
      };
      const record = (r: Omit<FailureRecord, 'design' | 'version'>) => {
        const full = { design: c.label, version: server.version, ...r };
        records.push(full);
        console.log(`[failure] ${JSON.stringify(full)}`);
      };

      beforeAll(async () => {
        b = await boot(`failures ${c.label}`, c.topology(), { band, binary: server });
        b.timings.convergeMs = await waitFor(b, 'convergence', () => convergenceProblems(b!));
      });
      afterAll(async () => {
        await b?.cleanup();
      });

      if (c.oneServer) {
        const cluster = c.oneServer;
        it(
          `keeps JetStream and every acknowledged message when one server of ${cluster} is killed, and the server catches up when back`,
          { timeout: 240_000 },
          async () => {
            const x = booted();
            const inCluster = x.servers.filter((s) => s.cluster.name === cluster);
            const via = x.servers.find((s) => s.cluster.name !== cluster) ?? inCluster[0];
            const tolerated = systemOf(x, cluster).serverLoss.find((l) => l.cluster === cluster)!.tolerated;
            expect(tolerated, 'a scenario for clusters that claim to survive a server').toBeGreaterThan(0);
            await makeStream(x, via, 'ONE', cluster, 'one');
            const before = await publish(x, via, 'one', 'before', 100);
            const nc = await connectTo(x, via, appIdentity(x, true)!);
            const leader = (await (await jetstreamManager(nc)).streams.info('ONE')).cluster!.leader!;
            await nc.close();
            const target = via.name === leader ? inCluster.find((s) => s.name !== leader)!.name : leader;

            await kill(x, [target]);
            const t0 = performance.now();
            const asker = x.servers.find((s) => s.name !== target && s.cluster.name === cluster)!;
            // The stream elects a new leader among the servers left: until then a publish has no responder.
            await waitFor(
              x,
              'the stream answering without the killed server',
              async () => {
                const ok = await publish(x, asker, 'one', `probe-${Math.round(performance.now())}`, 1);
                return ok.length === 1 ? [] : ['no ack'];
              },
              60_000,
            );
            const probes = (await storedIds(x, asker, 'ONE')).size - before.length;
            const backMs = performance.now() - t0;
            const during = await publish(x, via, 'one', 'during', 100);
            const recoverMs = await recover(x, [target]);
            await waitFor(x, `every replica of ONE current`, async () => {
              const c2 = await connectTo(x, via, appIdentity(x, true)!);
              try {
                const info = await (await jetstreamManager(c2)).streams.info('ONE');
                const replicas = info.cluster?.replicas ?? [];
                return replicas.length === 2 && replicas.every((r) => r.current) ? [] : [`replicas ${JSON.stringify(replicas)}`];
              } finally {
                await c2.close();
              }
            });
            const stored = await storedIds(x, asker, 'ONE');
            const acked = [...before, ...during];
            const lost = acked.filter((id) => !stored.has(id));
            record({
              failure: `one server of ${cluster} (${target}, the stream leader when it was one)`,
              claim: `survives ${tolerated} server(s) of ${cluster}`,
              actual: `the stream answered again after ${seconds(backMs)}; the server caught up after its restart`,
              recoverMs,
              sent: 200,
              acked: acked.length,
              stored: stored.size - probes,
              notes: [],
            });
            expect(before).toHaveLength(100);
            expect(during).toHaveLength(100);
            expect(lost).toEqual([]);
          },
        );
      }

      if (c.wholeCluster) {
        const lostCluster = c.wholeCluster;
        it(
          `when cluster ${lostCluster} is lost: core NATS between the others works, their probes stay ready, and JetStream does what the design claims`,
          { timeout: 240_000 },
          async () => {
            const x = booted();
            const system = systemOf(x, lostCluster);
            const claim = system.clusterLoss.find((l) => l.cluster === lostCluster)!;
            const survivors = x.servers.filter((s) => s.cluster.name !== lostCluster && system.clusters.includes(s.cluster.name));
            const survivingClusters = [...new Set(survivors.map((s) => s.cluster.name))];
            const paths = probePaths(x.topology, survivingClusters[0]);
            const readiness = watchHttp(x, survivors, paths.readiness);
            const liveness = watchHttp(x, survivors, paths.liveness);
            const killed = x.servers.filter((s) => s.cluster.name === lostCluster).map((s) => s.name);

            await kill(x, killed);
            const t0 = performance.now();
            let js: string;
            if (claim.jetstreamContinues) {
              for (const cl of survivingClusters) {
                const via = survivors.find((s) => s.cluster.name === cl)!;
                await waitFor(
                  x,
                  `JetStream in ${cl} without ${lostCluster}`,
                  async () => {
                    const e = await jetstreamWorks(x, via, cl);
                    return e ? [e] : [];
                  },
                  60_000,
                );
              }
              js = `continues (answering again after ${seconds(performance.now() - t0)})`;
            } else {
              // Wait until the survivors know the meta leader is gone, then JetStream must refuse, repeatedly.
              await waitFor(
                x,
                'the survivors noticing the lost meta quorum',
                async () => {
                  const r = await Promise.all(survivors.map((s) => x.http(s, '/healthz')));
                  return r.filter((h) => h.status === 200).map(() => 'a survivor still healthy');
                },
                60_000,
              );
              const errors: string[] = [];
              for (let i = 0; i < 3; i++) {
                const e = await jetstreamWorks(x, survivors[i % survivors.length], survivors[i % survivors.length].cluster.name, 2_000);
                errors.push(e ?? 'worked');
                await new Promise((r) => setTimeout(r, 1_000));
              }
              expect(
                errors.filter((e) => e === 'worked'),
                'JetStream must stop everywhere, as claimed',
              ).toEqual([]);
              js = `stops everywhere after ${seconds(performance.now() - t0)} (${errors[0]})`;
            }
            // Core NATS between every pair of surviving clusters, both ways.
            const core: string[] = [];
            for (const from of survivingClusters) {
              for (const to of survivingClusters) {
                const a = survivors.find((s) => s.cluster.name === from)!;
                const z = survivors.filter((s) => s.cluster.name === to).at(-1)!;
                if (!(await coreRequest(x, a, z))) core.push(`${a.name} → ${z.name}`);
              }
            }
            // Hold the outage a little longer: probes are asked every 10 s on Kubernetes.
            await new Promise((r) => setTimeout(r, 3_000));
            const notReady = await readiness.stop();
            const notLive = await liveness.stop();
            const recoverMs = await recover(x, killed);
            record({
              failure: `cluster ${lostCluster} (${killed.length} servers)`,
              claim: claim.jetstreamContinues ? 'JetStream continues' : 'JetStream stops everywhere',
              actual: `JetStream ${js}; core ${core.length === 0 ? 'ok between all survivors' : `failed ${core.join(', ')}`}; readiness ${paths.readiness} ${notReady.length === 0 ? 'ready throughout' : `NOT ready ${notReady.length}×`}`,
              recoverMs,
              notes: [...notReady.slice(0, 3), ...notLive.slice(0, 3)],
            });
            expect(core).toEqual([]);
            expect(notReady, `the readiness probe ${paths.readiness} on the survivors`).toEqual([]);
            expect(notLive, `the liveness probe ${paths.liveness} on the survivors`).toEqual([]);
          },
        );
      }

      if (c.roll) {
        const cluster = c.roll;
        it(
          `rolls cluster ${cluster} one server at a time through lame duck under load: every acknowledged message stored, requests answered, clients move`,
          { timeout: 240_000 },
          async () => {
            const x = booted();
            const inCluster = x.servers.filter((s) => s.cluster.name === cluster);
            const via = x.servers.find((s) => s.cluster.name !== cluster) ?? inCluster[0];
            const paths = probePaths(x.topology, cluster);
            await makeStream(x, via, 'ROLL', cluster, 'roll');
            const t0 = performance.now();
            const load = await underLoad(x, via, cluster, { subject: 'roll' }, async () => {
              // The StatefulSet controller replaces the highest ordinal first, and waits for each to be ready.
              for (const s of [...inCluster].reverse()) {
                if (s.name === via.name) continue;
                await lameDuck(x, s.name);
                await waitFor(x, `${s.name} to leave lame duck`, async () => (x.alive(s.name) ? ['still running'] : []), 60_000);
                x.pids.delete(s.name);
                x.startServer(s.name);
                await retry(
                  `${s.name} ready on ${paths.readiness}`,
                  async () => {
                    const r = await x.http(s, paths.readiness);
                    if (r.status !== 200) throw new Error(`${r.status} ${r.body}`);
                  },
                  60_000,
                );
              }
            });
            const rollMs = performance.now() - t0;
            await waitFor(x, 'convergence after the roll', () => convergenceProblems(x), 60_000);
            const stored = await storedIds(x, via, 'ROLL');
            const lost = load.acked.filter((id) => !stored.has(id));
            record({
              failure: `rolling restart of ${cluster} with lame duck, under load`,
              claim: 'no acknowledged message lost; requests keep being answered',
              actual: `roll took ${seconds(rollMs)}; longest gap between answered requests ${seconds(load.longestCoreGapMs)}; responders used ${load.responderServers.join(', ')}`,
              sent: load.sent,
              acked: load.acked.length,
              stored: stored.size,
              coreOk: load.coreOk,
              coreFailed: load.coreFailed,
              notes: [],
            });
            expect(lost).toEqual([]);
            expect(load.acked.length).toBeGreaterThan(load.sent / 2);
            // Requests keep being answered: a request may time out while a responder moves, but never for long.
            expect(load.coreOk).toBeGreaterThan(load.coreFailed * 4);
            expect(load.longestCoreGapMs).toBeLessThan(5_000);
            expect(load.responderServers.length).toBeGreaterThan(1);
          },
        );
      }
    });
  }
}
