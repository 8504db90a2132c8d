/**
 * The fuzzer: random designs, valid and hostile (test/fuzz/designs.ts), through every way out, with the real
 * consumers as judges. For each design it
 *
 * - parses it (a refusal is fine), lints it, renders the Kubernetes bundle and (when it can run locally) the local
 *   target, with generated passwords; a throw is a **crash**, a design that takes over {@link HANG_MS} of CPU a
 *   **hang**;
 * - compares every conf's structure with the same design's under plain names (conf-skeleton.ts): a difference is an
 *   **injection**; parses every YAML file (a ConfigMap's conf must equal the conf file, the Secret must hold exactly
 *   the passwords, topology.yaml must read back as the design), and a difference there is an injection too;
 * - looks for every password in every file but the Secret and secrets.env: a **leak**;
 * - writes the bundle with the CLI's writer into a folder with symbolic links planted where the bundle writes,
 *   pointing at a sentinel folder: anything written there is a **write escape**;
 * - runs `nats-server -t` on every Kubernetes conf and the first server's conf of every cluster of the local target,
 *   on every server version: a design without lint errors must pass (a failure is a **broken server**), one
 *   forced past the lint may be refused;
 * - boots one server from a few lint-clean designs (`boots`), and logs in as every user with the password from the
 *   Secret (a refusal, or a wrong password let in, is a **login failure**).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import {
  BUNDLE_PATHS,
  clusterNames,
  fileMode,
  generatePasswords,
  isSecretFile,
  parseTopology,
  passwordEnvVar,
  passwordUsers,
  renderBundle,
  renderLocalTarget,
  renderNatsConf,
  type BundleFile,
  type Topology,
} from '../../src/core';
import { lint } from '../../src/core/lint';
import { localTargetProblem } from '../../src/core/local';
import { writeTree } from '../../src/cli/write-files';
import { CliError } from '../../src/cli/io';
import { soloAddressing, startServer } from '../support/nats-process';
import type { NatsServerBinary } from '../support/tools';
import { confSkeleton } from './conf-skeleton';
import { fuzzDesign } from './designs';

/**
 * A design whose checks (parse, lint, both renders, the oracles) take more CPU time than this hangs. CPU time, not
 * the clock: on a shared machine a design of 100 ms once took 40 s of wall time while other tests ran.
 */
export const HANG_MS = 10_000;

export interface FuzzOptions {
  designs: number;
  seed: number;
  servers: readonly NatsServerBinary[];
  /** Boot one server for every n-th lint-clean design with users (0: never). */
  bootEvery: number;
  /** `nats-server -t` runs at once. */
  parallel: number;
  log?: (line: string) => void;
}

export interface FuzzReport {
  designs: number;
  refusedByParser: number;
  lintClean: number;
  forced: number;
  confs: number;
  /** By server version: runs, and refusals of confs of designs forced past the lint (allowed). */
  checks: Record<string, { runs: number; refusedForced: number }>;
  boots: number;
  logins: number;
  crashes: string[];
  hangs: string[];
  injections: string[];
  leaks: string[];
  writeEscapes: string[];
  brokenServers: string[];
  loginFailures: string[];
}

export function emptyReport(servers: readonly NatsServerBinary[]): FuzzReport {
  return {
    designs: 0,
    refusedByParser: 0,
    lintClean: 0,
    forced: 0,
    confs: 0,
    checks: Object.fromEntries(servers.map((s) => [s.version, { runs: 0, refusedForced: 0 }])),
    boots: 0,
    logins: 0,
    crashes: [],
    hangs: [],
    injections: [],
    leaks: [],
    writeEscapes: [],
    brokenServers: [],
    loginFailures: [],
  };
}

/** Everything found wrong, one line each; empty when the run is clean. */
export function failures(r: FuzzReport): string[] {
  return [
    ...r.crashes.map((x) => `crash: ${x}`),
    ...r.hangs.map((x) => `hang: ${x}`),
    ...r.injections.map((x) => `injection: ${x}`),
    ...r.leaks.map((x) => `leak: ${x}`),
    ...r.writeEscapes.map((x) => `write escape: ${x}`),
    ...r.brokenServers.map((x) => `broken server: ${x}`),
    ...r.loginFailures.map((x) => `login: ${x}`),
  ];
}

const fixedRandom = (seed: number) => {
  let state = seed >>> 0 || 1;
  return (n: number) =>
    Uint8Array.from({ length: n }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state >>> 24;
    });
};

/** The same design with every name replaced by a plain one (equal names stay equal): its confs are the reference. */
function plainNames(t: Topology): Topology {
  const names = new Map<string, string>();
  const plain = (s: string) => {
    if (/^[A-Za-z0-9_-]+$/.test(s)) return s;
    let p = names.get(s);
    if (p === undefined) names.set(s, (p = `zq${names.size}x`));
    return p;
  };
  return {
    ...t,
    name: plain(t.name),
    namespace: plain(t.namespace),
    clusterDomain: plain(t.clusterDomain),
    jetstream: { ...t.jetstream, domain: t.jetstream.domain === null ? null : plain(t.jetstream.domain) },
    accounts: t.accounts.map((a) => ({ ...a, name: plain(a.name), users: a.users.map(plain) })),
    clusters: t.clusters.map((c) => ({ ...c, name: plain(c.name) })),
    gateways: t.gateways.map(([a, b]) => [plain(a), plain(b)]),
  };
}

interface Job {
  label: string;
  conf: string;
  env: Record<string, string>;
  forced: boolean;
}

/** What the renders of one design give the server checks. */
interface Rendered {
  jobs: Job[];
  boot: { topology: Topology; passwords: Map<string, string> } | null;
}

/** The checks of one design that need no server; records what they find in `r`. */
export function checkDesign(data: Record<string, unknown>, index: number, r: FuzzReport): Rendered {
  const label = `design ${index}`;
  const started = process.cpuUsage();
  const jobs: Job[] = [];
  let boot: Rendered['boot'] = null;
  try {
    const parsed = parseTopology(JSON.parse(JSON.stringify(data)));
    if (!parsed.ok) {
      r.refusedByParser++;
      return { jobs, boot };
    }
    const t = parsed.topology;
    const errors = lint(t).filter((p) => p.severity === 'error');
    const forced = errors.length > 0;
    if (forced) r.forced++;
    else r.lintClean++;
    const passwords = generatePasswords(t, fixedRandom(index + 1));
    const files = renderBundle(t, { passwords });
    const reference = renderBundle(plainNames(t), { passwords: remap(passwords, t) });
    const local = localTargetProblem(t) === null ? renderLocalTarget(t, passwords) : [];
    const localReference = local.length ? renderLocalTarget(plainNames(t), remap(passwords, t)) : [];

    const plain = plainNames(t);
    const byCluster = (fs: BundleFile[], topology: Topology) =>
      [...new Set(topology.clusters.map((c) => c.name))].map((c) => fs.find((f) => f.path === BUNDLE_PATHS.natsConf(c)));
    compareConfs(label, byCluster(files, t), byCluster(reference, plain), r);
    compareConfs(
      `${label} (local)`,
      local.filter((f) => f.path.endsWith('.conf')),
      localReference.filter((f) => f.path.endsWith('.conf')),
      r,
    );
    checkYaml(label, t, files, passwords, r);
    checkLeaks(label, [...files, ...local], passwords, r);
    checkWrites(label, files, index, r);

    const secretEnv = envOf(t, passwords);
    for (const f of files.filter((x) => x.path.startsWith('nats-conf/'))) {
      const cluster = t.clusters.find((c) => f.path === BUNDLE_PATHS.natsConf(c.name))?.name ?? t.clusters[0].name;
      jobs.push({ label: `${label} ${f.path}`, conf: f.content, env: { ...secretEnv, SERVER_NAME: clusterNames(cluster).pod(0) }, forced });
    }
    for (const f of local.filter((x) => /^local\/nats-.*-0\.conf$/.test(x.path)))
      jobs.push({ label: `${label} ${f.path}`, conf: f.content, env: secretEnv, forced });
    r.confs += jobs.length;
    if (!forced && passwordUsers(t).length > 0) boot = { topology: t, passwords };
  } catch (e) {
    r.crashes.push(
      `${label}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 3).join(' | ') : String(e)} — ${JSON.stringify(data).slice(0, 300)}`,
    );
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  if (ms > HANG_MS) r.hangs.push(`${label}: ${Math.round(ms)} ms of CPU — ${JSON.stringify(data).slice(0, 300)}`);
  return { jobs, boot };
}

/** The passwords under the plain names of {@link plainNames} (the placeholders do not matter, only their places). */
function remap(passwords: Map<string, string>, t: Topology): Map<string, string> {
  const plain = plainNames(t);
  const out = new Map<string, string>();
  const users = passwordUsers(t);
  const plainUsers = passwordUsers(plain);
  users.forEach((u, i) => out.set(plainUsers[i], passwords.get(u) ?? 'x'));
  return out;
}

/** Confs in the same order (by cluster, or by server): each must have the structure of its plain-named twin. */
function compareConfs(label: string, confs: (BundleFile | undefined)[], refs: (BundleFile | undefined)[], r: FuzzReport): void {
  if (confs.length !== refs.length || confs.some((f) => !f) || refs.some((f) => !f)) {
    r.injections.push(`${label}: ${confs.length} confs, ${refs.length} under plain names`);
    return;
  }
  confs.forEach((f, i) => {
    const a = confSkeleton(f!.content).join(' ');
    const b = confSkeleton(refs[i]!.content).join(' ');
    if (a !== b) r.injections.push(`${label} ${f!.path}: structure differs from the same design under plain names\n${f!.content}`);
  });
}

function checkYaml(label: string, t: Topology, files: BundleFile[], passwords: Map<string, string>, r: FuzzReport): void {
  const confs = new Map(files.filter((f) => f.path.startsWith('nats-conf/')).map((f) => [f.path.slice('nats-conf/'.length, -'.conf'.length), f.content]));
  for (const f of files.filter((x) => x.path.endsWith('.yaml'))) {
    const docs = parseAllDocuments(f.content);
    const list = Array.isArray(docs) ? docs : [docs];
    if (list.some((d) => d.errors.length > 0)) {
      r.injections.push(`${label} ${f.path}: not YAML: ${list.flatMap((d) => d.errors.map((e) => e.message))[0]}`);
      continue;
    }
    for (const doc of list) {
      const o = doc.toJS() as Record<string, unknown> | null;
      if (f.path.startsWith('clusters/') && o?.kind === 'ConfigMap') {
        const conf = (o.data as Record<string, string>)['nats.conf'];
        const stem = f.path.slice('clusters/'.length, -'.yaml'.length);
        if (conf !== confs.get(stem)) r.injections.push(`${label} ${f.path}: the ConfigMap's conf differs from nats-conf/${stem}.conf`);
      }
      if (f.path === 'secret.yaml') {
        const data = o?.stringData as Record<string, string>;
        for (const u of passwordUsers(t)) {
          if (data?.[passwordEnvVar(u)] === undefined) r.injections.push(`${label} secret.yaml: no key for ${JSON.stringify(u)}`);
        }
        // Each key holds the password of a user it belongs to (users whose names clash share one key: a lint error).
        for (const [key, value] of Object.entries(data ?? {})) {
          const owners = passwordUsers(t).filter((u) => passwordEnvVar(u) === key);
          if (!owners.some((u) => passwords.get(u) === value)) r.injections.push(`${label} secret.yaml: ${key} holds no password of its users`);
        }
      }
      if (f.path === 'topology.yaml') {
        const back = parseTopology(f.content);
        if (!back.ok || JSON.stringify(back.topology) !== JSON.stringify(t)) r.injections.push(`${label} topology.yaml does not read back as the design`);
      }
    }
  }
}

function checkLeaks(label: string, files: BundleFile[], passwords: Map<string, string>, r: FuzzReport): void {
  for (const f of files) {
    if (isSecretFile(f.path)) continue;
    for (const [user, pw] of passwords) if (f.content.includes(pw)) r.leaks.push(`${label}: the password of ${JSON.stringify(user)} is in ${f.path}`);
  }
}

/** Writes the bundle over planted links into a sentinel folder; the sentinel must stay as it was. */
function checkWrites(label: string, files: BundleFile[], index: number, r: FuzzReport): void {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-write-'));
  try {
    const sentinel = join(dir, 'sentinel');
    mkdirSync(sentinel);
    writeFileSync(join(sentinel, 'file'), 'sentinel\n');
    const root = join(dir, 'out');
    mkdirSync(root);
    // Links at a few places the bundle writes (files and folders), chosen by the design's index.
    const paths = files.map((f) => f.path);
    const planted = index % 4 === 0 ? [] : [paths[index % paths.length], paths[(index * 7) % paths.length]];
    for (const p of planted) {
      const segments = p.split('/');
      const at = index % 2 === 0 || segments.length === 1 ? p : segments[0];
      mkdirSync(join(root, ...at.split('/').slice(0, -1)), { recursive: true });
      try {
        symlinkSync(at === p ? join(sentinel, 'file') : sentinel, join(root, ...at.split('/')));
      } catch {
        // the same place twice
      }
    }
    try {
      writeTree(
        root,
        files.map((f) => ({ path: f.path, content: f.content, mode: fileMode(f.path) })),
      );
      if (planted.length > 0) r.writeEscapes.push(`${label}: wrote over planted links ${planted.join(', ')}`);
    } catch (e) {
      if (!(e instanceof CliError) || e.exitCode !== 3) r.writeEscapes.push(`${label}: ${String(e)}`);
    }
    const after = readdirSync(sentinel);
    if (after.length !== 1 || readFileSync(join(sentinel, 'file'), 'utf8') !== 'sentinel\n')
      r.writeEscapes.push(`${label}: the sentinel folder changed: ${after.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function envOf(t: Topology, passwords: Map<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const u of passwordUsers(t)) env[passwordEnvVar(u)] ??= passwords.get(u)!;
  return env;
}

function natsTest(server: NatsServerBinary, dir: string, job: Job, n: number): Promise<string | null> {
  const file = join(dir, `${n}.conf`);
  writeFileSync(file, job.conf);
  return new Promise((resolve) => {
    execFile(server.path, ['-t', '-c', file], { env: { PATH: process.env.PATH ?? '', ...job.env }, timeout: 20_000 }, (err, stdout, stderr) =>
      resolve(err ? `${stdout}${stderr}`.trim() || String(err) : null),
    );
  });
}

/** One server of the design on random ports; every user logs in with its password, and a wrong one fails. */
async function bootAndLogIn(server: NatsServerBinary, label: string, t: Topology, passwords: Map<string, string>, r: FuzzReport): Promise<void> {
  const addressing = soloAddressing('fuzz');
  // The design's accounts and users on one server of its first cluster, alone: no routes or gateways to wait for.
  const alone: Topology = { ...t, clusters: [{ ...t.clusters[0], replicas: 1 }], gateways: [] };
  const conf = renderNatsConf(alone, t.clusters[0].name, addressing);
  const running = await startServer(server, conf, envOf(t, passwords));
  r.boots++;
  try {
    for (const u of passwordUsers(t)) {
      r.logins++;
      if (!(await running.canLogIn(u, passwords.get(u)!))) r.loginFailures.push(`${label} (${server.version}): ${JSON.stringify(u)} could not log in`);
      if (await running.canLogIn(u, `${passwords.get(u)!}x`))
        r.loginFailures.push(`${label} (${server.version}): ${JSON.stringify(u)} logged in with a wrong password`);
    }
  } finally {
    await running.stop();
  }
}

/** Runs the whole fuzz; resolves with the report (it never rejects on a finding). */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const r = emptyReport(options.servers);
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-confs-'));
  const samples = fc.sample(fuzzDesign(), { numRuns: options.designs, seed: options.seed });
  let bootable = 0;
  let pending: Promise<void>[] = [];
  let n = 0;
  try {
    for (const [i, data] of samples.entries()) {
      r.designs++;
      const { jobs, boot: candidate } = checkDesign(data, i, r);
      const boot = candidate && options.bootEvery > 0 && bootable++ % options.bootEvery === 0 ? candidate : null;
      for (const server of options.servers) {
        for (const job of jobs) {
          const k = n++;
          pending.push(
            natsTest(server, dir, job, k).then((failure) => {
              const c = r.checks[server.version];
              c.runs++;
              if (!failure) return;
              if (job.forced) c.refusedForced++;
              else r.brokenServers.push(`${job.label} (${server.version}): ${failure.split('\n')[0]}\n${job.conf}`);
            }),
          );
          if (pending.length >= options.parallel) {
            await Promise.all(pending);
            pending = [];
          }
        }
        if (boot)
          await bootAndLogIn(server, `design ${i}`, boot.topology, boot.passwords, r).catch((e) =>
            r.loginFailures.push(`design ${i} (${server.version}): ${String(e)}`),
          );
      }
      if (options.log && (i + 1) % 500 === 0) options.log(`${i + 1} designs: ${failures(r).length} findings`);
    }
    await Promise.all(pending);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return r;
}
