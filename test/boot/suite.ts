/** The checks every booted topology goes through, shared by the boot test files. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/core/model';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import { ROUTE_CREDENTIAL, ROUTE_USER } from '../../src/core/names';
import { convergenceProblems } from './checks';
import { appIdentity, attempt, farEnds, loginEveryUser, password, placeStream, requestAcross } from './clients';
import { boot, waitFor, type Boot, type PortBand } from './harness';
import { IN_CI, NATS_CLI, NATSCLI_VERSION, type NatsServerBinary } from '../support/tools';
import { checkJetStream, checkMeta, metaGroupRows, reportJetStream } from './natscli';
import { expectations } from './checks';

export interface BootCase {
  label: string;
  topology: () => Topology;
}

/**
 * `nats-server -t` of one conf with the environment of secrets.env, from the local folder as start.sh runs it (the
 * confs' paths, the certificates' too, are relative to it): rc and output.
 */
function configTest(b: Boot, conf: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(b.binary.path, ['-t', '-c', conf], { cwd: b.local, env: { ...b.secrets }, timeout: 10_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? Number(err.code ?? -1) : 0, output: `${stdout}${stderr}`.trim() }),
    );
  });
}

/**
 * One describe per case, run in order: boot with the rendered start.sh, converge, talk to it with real
 * clients, stop with the rendered stop.sh. The servers are stopped in afterAll whatever happened.
 */
export function bootCases(cases: BootCase[], band: PortBand, server: NatsServerBinary): void {
  for (const c of cases) {
    describe(c.label, () => {
      let b: Boot | undefined;
      let converged = false;
      const booted = (): Boot => {
        if (!b) throw new Error('the boot failed; see beforeAll');
        return b;
      };
      const ready = (): Boot => {
        if (!converged) throw new Error('the servers did not converge; see the convergence test');
        return booted();
      };

      beforeAll(async () => {
        b = await boot(c.label, c.topology(), { band, binary: server });
      });
      afterAll(async () => {
        if (!b) return;
        await b.cleanup();
        console.log(b.summary());
      });

      it('every local conf passes nats-server -t with secrets.env loaded', async () => {
        const x = booted();
        for (const s of x.servers) {
          const r = await configTest(x, x.conf(s.name));
          expect(r.code, `${s.name}: ${r.output}`).toBe(0);
          // 2.10+ add the file's hash: "is valid (sha256:…)".
          expect(r.output).toMatch(/is valid( \(sha256:[0-9a-f]{64}\))?$/);
        }
      });

      it('converges: names, replicas − 1 routes, gateways to every other cluster, JetStream limits and domain, one meta leader', async () => {
        const x = booted();
        x.timings.convergeMs = await waitFor(x, 'convergence', () => convergenceProblems(x));
        converged = true;
      });

      it("passes the operators' checks: nats server check jetstream and check meta, and report jetstream names the meta group", async (ctx) => {
        const x = ready();
        if (!x.topology.jetstream.enabled) ctx.skip();
        if (!NATS_CLI) {
          if (IN_CI) throw new Error(`natscli v${NATSCLI_VERSION} not found; CI=true requires it (sh scripts/install-test-tools.sh)`);
          console.warn(`!!! SKIPPING the natscli checks of ${x.label}: natscli v${NATSCLI_VERSION} not found (sh scripts/install-test-tools.sh) !!!`);
          ctx.skip();
        }
        const cli = NATS_CLI!;
        const s = x.servers[0];
        const js = await checkJetStream(cli, x, s);
        if (js) {
          expect(js.out, js.out).toMatch(/^OK JetStream /);
          expect(js.code).toBe(0);
        }
        const e = expectations(x.topology, x.servers).find((o) => o.server.name === s.name)!;
        const leader = (await x.monitor<{ meta_cluster?: { leader?: string } }>(s, '/jsz')).meta_cluster?.leader;
        const meta = e.clustered ? await checkMeta(cli, x, s, e.system.length) : null;
        if (meta) {
          expect(meta.out, meta.out).toContain(`OK JetStream Meta Cluster OK:${e.system.length} peers led by ${leader}`);
          expect(meta.code).toBe(0);
        }
        const report = await reportJetStream(cli, x, s);
        if (report) {
          expect(report.code, report.out).toBe(0);
          for (const name of e.system) expect(report.out, report.out).toContain(name);
          if (e.clustered) {
            const rows = metaGroupRows(report.out);
            expect(rows.map((r) => r.server).sort(), report.out).toEqual([...e.system].sort());
            expect(
              rows.filter((r) => r.leader).map((r) => r.server),
              report.out,
            ).toEqual([leader]);
          }
        }
        // Without any account user there is no system user to ask, and no account with JetStream but $G.
        if (!js && !meta && !report) expect(x.topology.accounts.some((a) => a.users.length > 0)).toBe(false);
      });

      it('answers a request sent in the first cluster from the last cluster, across the gateways', async () => {
        const x = ready();
        const { near, far } = farEnds(x);
        expect(await requestAcross(x)).toBe(`${far.name} got ping from ${near.name}`);
      });

      it('places a stream in the last cluster and stores a message there', async (ctx) => {
        const x = ready();
        if (!x.topology.jetstream.enabled) ctx.skip();
        const placed = await placeStream(x);
        if (placed.target) {
          expect(placed.info.cluster?.name).toBe(placed.target);
          expect(placed.info.cluster?.leader?.startsWith(`nats-${placed.target}-`)).toBe(true);
        }
        expect(1 + (placed.info.cluster?.replicas?.length ?? 0)).toBe(placed.replicas);
        expect(placed.ack).toMatchObject({ stream: 'BOOT', seq: 1 });
        if (x.topology.jetstream.domain) expect(placed.ack.domain).toBe(x.topology.jetstream.domain);
        expect(placed.after.state.messages).toBe(1);
      });

      it('lets every user in with its password from secrets.env and refuses a wrong one', async () => {
        const x = ready();
        const s = x.servers[0];
        const app = appIdentity(x, false)!;
        if (!app.user) {
          // No account has users: the servers ask for no credentials.
          expect(await attempt(x, s, {})).toEqual({ user: '(no credentials)', ok: true });
          return;
        }
        const results = await loginEveryUser(x);
        expect(results.filter((r) => !r.ok)).toEqual([]);
        expect(results.length).toBeGreaterThan(1);
        const wrong = await attempt(x, s, { user: app.user, pass: `${app.pass}x` });
        expect(wrong.ok).toBe(false);
        expect(wrong.error).toMatch(/Authorization Violation/i);
        const anonymous = await attempt(x, s, {});
        expect(anonymous.ok).toBe(false);
        // With server auth, the route credentials open no client connection
        if (x.topology.security?.serverAuth) {
          const route = await attempt(x, s, { user: ROUTE_USER, pass: password(x, ROUTE_CREDENTIAL) });
          expect(route.ok).toBe(false);
        }
      });

      it('stop.sh stops every server it started, by pid, and removes the pid files', async () => {
        const x = booted();
        const result = (await x.stop())!;
        expect(result.run.code, result.run.stderr).toBe(0);
        expect(result.leftovers).toEqual([]);
        for (const s of x.servers) expect(existsSync(join(x.local, LOCAL_PATHS.pidFile(s.name))), s.name).toBe(false);
      });
    });
  }
}
