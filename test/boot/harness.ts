/**
 * Boots a rendered local target for real: writes `renderLocalTarget` output to a temp folder, runs its own
 * `start.sh` (as users do), polls the monitoring endpoints and always stops with its own `stop.sh`, then kills
 * by pid whatever is left of the processes it recorded. Only 127.0.0.1 is ever used.
 */
import { execFile, spawn, type ExecFileException } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generatePasswords } from '../../src/core/bundle/passwords';
import type { Passwords } from '../../src/core/bundle/files';
import type { Topology } from '../../src/core/model';
import { parseTopology } from '../../src/core/parse/parse-topology';
import { LOCAL_HOST, LOCAL_PORT_BLOCK, LOCAL_PORT_OFFSETS, localServers, type LocalServer } from '../../src/core/local/plan';
import { LOCAL_DIR, renderLocalTarget } from '../../src/core/local/local-target';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import { describeEachServer, type NatsServerBinary } from '../support/tools';

/**
 * `describe` for tests that boot servers: the body runs once per server version the tests use (Debian's 2.9.10 and
 * the release bundles deploy). A missing version fails under CI (`CI=true`) and is skipped, loudly, elsewhere.
 */
export function bootSuite(name: string, body: (server: NatsServerBinary) => void): void {
  describeEachServer(name, body);
}

/**
 * A range of ports only one test file uses, so files running in parallel never meet. Each band lies below
 * Linux's ephemeral range (32768+), where outgoing connections could take a port a server wants.
 */
export interface PortBand {
  from: number;
  to: number;
}

export const PORT_BANDS = {
  // Inside the multi-site test's own network namespaces; a band still, so its plan reads like the others'.
  multiSite: { from: 12000, to: 12999 },
  readOnlyRoot: { from: 13000, to: 13199 },
  // The multi-region template in network namespaces (multi-site.test.ts), 100 ports a run.
  multiRegion: { from: 13200, to: 13999 },
  // Generated multi-site designs in network namespaces (multi-site-generated.test.ts), 100 ports a run.
  multiSiteGenerated: { from: 10000, to: 10999 },
  generatedOldest: { from: 15000, to: 17499 },
  generatedCurrent: { from: 17500, to: 19999 },
  dayTwo: { from: 20000, to: 20999 },
  templates: { from: 21000, to: 23999 },
  shapesSmall: { from: 24000, to: 25999 },
  shapesLarge: { from: 26000, to: 28999 },
  scripts: { from: 29000, to: 30999 },
  failuresOldest: { from: 31000, to: 31849 },
  failuresCurrent: { from: 31850, to: 32699 },
  bundleFeatures: { from: 32700, to: 32767 },
  tls: { from: 11300, to: 11999 },
  leafTls: { from: 14000, to: 14499 },
} satisfies Record<string, PortBand>;

/** Convergence deadline: typically 0–7 s here (2-server meta groups are the slowest), with room for a busy machine. */
export const CONVERGE_DEADLINE_MS = 30_000;
const POLL_MS = 200;

/** Next base port to try per band: consecutive boots of a file use fresh ports. */
const cursors = new Map<PortBand, number>();
/** Every server pid any boot of this process recorded and has not seen exit: the last-resort cleanup list. */
const livePids = new Map<number, string>();

process.once('exit', () => {
  for (const [pid, conf] of livePids) if (isServer(pid, conf)) process.kill(pid, 'SIGKILL');
});

/** Whether `pid` is still a nats-server running `conf` (a recycled pid or a zombie is not). */
export function isServer(pid: number, conf: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(conf);
  } catch {
    return false;
  }
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen({ port, host: LOCAL_HOST, exclusive: true }, () => srv.close(() => resolve(true)));
  });
}

/** The next base port in the band whose whole plan is free right now. */
export async function pickBase(band: PortBand, count: number): Promise<number> {
  const span = Math.max(count, 1) * LOCAL_PORT_BLOCK;
  const start = cursors.get(band) ?? band.from;
  const candidates: number[] = [];
  for (let b = start; b + span - 1 <= band.to; b += span) candidates.push(b);
  for (let b = band.from; b + span - 1 <= band.to && b < start; b += span) candidates.push(b);
  for (const base of candidates) {
    const perServer = Object.keys(LOCAL_PORT_OFFSETS).length;
    const ports = Array.from({ length: count * perServer }, (_, i) => base + Math.floor(i / perServer) * LOCAL_PORT_BLOCK + (i % perServer));
    const free = await Promise.all(ports.map(portFree));
    if (free.every(Boolean)) {
      cursors.set(band, base + span);
      return base;
    }
  }
  throw new Error(`no free ports for ${count} servers in band ${band.from}-${band.to}`);
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a shell script of the local folder from another working directory, as `sh <path>`, with `server` as NATS_SERVER. Never rejects. */
export function runScript(path: string, server: NatsServerBinary, timeoutMs = 30_000): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'sh',
      [path],
      { cwd: tmpdir(), timeout: timeoutMs, env: { ...process.env, NATS_SERVER: server.path } },
      (err: ExecFileException | null, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** Reads `export NAME='value'` lines as start.sh's `.` would (values are single-quoted words). */
export function parseSecretsEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/^export ([A-Z0-9_]+)=((?:'[^']*'|\\')+)/gm)) {
    out[m[1]] = m[2].replace(/'([^']*)'|\\'/g, (_all, inner: string | undefined) => inner ?? "'");
  }
  return out;
}

export interface Timings {
  /** `start.sh` from spawn to exit (it waits 1 s to catch servers that die at once). */
  startMs: number;
  /** From `start.sh`'s exit until every check of the wait passed. */
  convergeMs?: number;
  stopMs?: number;
}

/** One running local target. */
export class Boot {
  readonly timings: Timings;
  private stopped = false;

  readonly label: string;
  /** What the folder runs now; {@link refresh} reads it again after a new render into the folder. */
  topology: Topology;
  readonly dir: string;
  servers: LocalServer[];
  readonly basePort: number;
  /** Environment of `secrets.env`: the password of user u is `secrets[passwordEnvVar(u)]`. */
  secrets: Record<string, string>;
  /** The nats-server it runs. */
  readonly binary: NatsServerBinary;

  constructor(
    p: Prepared,
    /** Server name → pid, from the pid files start.sh wrote. */
    readonly pids: Map<string, number>,
    startMs: number,
  ) {
    ({
      label: this.label,
      topology: this.topology,
      dir: this.dir,
      servers: this.servers,
      basePort: this.basePort,
      secrets: this.secrets,
      binary: this.binary,
    } = p);
    this.timings = { startMs };
  }

  get local(): string {
    return join(this.dir, LOCAL_DIR);
  }

  conf(server: string): string {
    return join(this.local, LOCAL_PATHS.conf(server));
  }

  server(name: string): LocalServer {
    const s = this.servers.find((x) => x.name === name);
    if (!s) throw new Error(`no server ${name}`);
    return s;
  }

  /** `tls://` when the server's cluster turns TLS on for clients: then {@link caFile} is what checks its certificate. */
  clientUrl(s: LocalServer): string {
    return `${s.cluster.tls.clients ? 'tls' : 'nats'}://${LOCAL_HOST}:${s.ports.client}`;
  }

  /** The throwaway CA of the folder (`certs.sh`) when the server takes clients over TLS, else undefined. */
  caFile(s: LocalServer): string | undefined {
    return s.cluster.tls.clients ? join(this.local, LOCAL_PATHS.caCert) : undefined;
  }

  /** GET a monitoring endpoint: status and body text. */
  async http(s: LocalServer, path: string): Promise<{ status: number; body: string }> {
    const res = await fetch(`http://${LOCAL_HOST}:${s.ports.monitor}${path}`, { signal: AbortSignal.timeout(2_000) });
    return { status: res.status, body: await res.text() };
  }

  /** GET a monitoring endpoint as JSON. */
  async monitor<T = Record<string, unknown>>(s: LocalServer, path: string): Promise<T> {
    const { status, body } = await this.http(s, path);
    if (status !== 200) throw new Error(`${s.name} ${path}: HTTP ${status} ${body.trim()}`);
    return JSON.parse(body) as T;
  }

  /** After a new render into the folder (day-2 changes): reads its topology.yaml and secrets.env again. */
  async refresh(): Promise<void> {
    const p = await prepareFromDir(this.label, this.dir, this.basePort, this.binary);
    this.topology = p.topology;
    this.servers = p.servers;
    this.secrets = p.secrets;
  }

  /** Stops one server as Kubernetes stops a pod (SIGTERM), and waits until it is gone. */
  async stopServer(name: string, deadlineMs = 30_000): Promise<void> {
    const pid = this.pids.get(name);
    if (pid === undefined || !this.alive(name)) return;
    process.kill(pid, 'SIGTERM');
    await waitFor(this, `${name} to exit`, async () => (this.alive(name) ? [`${name} still runs`] : []), deadlineMs);
    livePids.delete(pid);
    this.pids.delete(name);
  }

  /** Starts one server from its conf in the folder, with secrets.env's environment, as start.sh would. */
  startServer(name: string): void {
    if (this.alive(name)) throw new Error(`${name} already runs`);
    const log = openSync(join(this.local, LOCAL_PATHS.log(name)), 'a');
    try {
      const child = spawn(this.binary.path, ['-c', this.conf(name)], {
        cwd: this.local,
        env: { ...process.env, ...this.secrets },
        stdio: ['ignore', log, log],
        detached: true,
      });
      child.unref();
      this.pids.set(name, child.pid!);
      livePids.set(child.pid!, this.conf(name));
    } finally {
      closeSync(log);
    }
  }

  /** Whether a recorded server process still runs. */
  alive(name: string): boolean {
    const pid = this.pids.get(name);
    return pid !== undefined && isServer(pid, this.conf(name));
  }

  async logTail(name: string, lines = 15): Promise<string> {
    try {
      const text = await readFile(join(this.local, LOCAL_PATHS.log(name)), 'utf8');
      return text.trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  async logTails(lines = 8): Promise<string> {
    const parts = await Promise.all(
      this.servers.map(async (s) => `--- ${s.name} (${this.alive(s.name) ? 'running' : 'gone'})\n${await this.logTail(s.name, lines)}`),
    );
    return parts.join('\n');
  }

  /**
   * Runs stop.sh (once), then SIGKILLs any recorded pid still running its conf. Returns stop.sh's result and
   * the servers that had to be killed after it (none when stop.sh did its job).
   */
  async stop(): Promise<{ run: Run; leftovers: string[] } | undefined> {
    if (this.stopped) return undefined;
    this.stopped = true;
    const t0 = performance.now();
    const run = await runScript(join(this.local, 'stop.sh'), this.binary); // never rejects
    this.timings.stopMs = performance.now() - t0;
    return { run, leftovers: this.killLeftovers() };
  }

  /** SIGKILL by recorded pid, only while that pid still runs this boot's conf of that server. */
  killLeftovers(): string[] {
    const killed: string[] = [];
    for (const [name, pid] of this.pids) {
      if (isServer(pid, this.conf(name))) {
        process.kill(pid, 'SIGKILL');
        killed.push(name);
      }
      livePids.delete(pid);
    }
    return killed;
  }

  /** Removes the temp folder (kept when KEEP_BOOT_DIRS is set, for a post-mortem). */
  async cleanup(): Promise<void> {
    await this.stop();
    if (!process.env.KEEP_BOOT_DIRS) await rm(this.dir, { recursive: true, force: true });
  }

  summary(): string {
    const f = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
    const t = this.timings;
    return `[boot] ${this.label} on ${this.binary.version}: ${this.servers.length} servers from port ${this.basePort}; start.sh ${f(t.startMs)}, converged ${f(t.convergeMs)} later, stop.sh ${f(t.stopMs)}`;
  }
}

export interface BootOptions {
  band: PortBand;
  binary: NatsServerBinary;
  /** Defaults to fresh random passwords, as a downloaded bundle has. */
  passwords?: Passwords;
}

/** A local target written to a new temp folder, not started yet. */
export interface Prepared {
  label: string;
  topology: Topology;
  dir: string;
  basePort: number;
  servers: LocalServer[];
  /** Environment of `secrets.env`: the password of user u is `secrets[passwordEnvVar(u)]`. */
  secrets: Record<string, string>;
  binary: NatsServerBinary;
}

/** Renders the local target on free ports of the band into a new temp folder. */
export async function prepare(label: string, topology: Topology, options: BootOptions): Promise<Prepared> {
  const passwords = options.passwords ?? generatePasswords(topology, (n) => crypto.getRandomValues(new Uint8Array(n)));
  const basePort = await pickBase(options.band, localServers(topology).length);
  // The physical path: start.sh runs each conf by `pwd -P`, and pids are matched by that command line.
  const dir = await realpath(await mkdtemp(join(tmpdir(), `nats-boot-${label.replace(/[^a-z0-9-]/gi, '_')}-`)));
  for (const f of renderLocalTarget(topology, passwords, { basePort })) {
    const path = join(dir, f.path);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, f.content);
  }
  const secrets = parseSecretsEnv(await readFile(join(dir, LOCAL_DIR, 'secrets.env'), 'utf8'));
  return { label, topology, dir, basePort, servers: localServers(topology, { basePort }), secrets, binary: options.binary };
}

/**
 * A local target that the CLI rendered into `dir` (`render --target local --out dir --base-port basePort`): the
 * design it runs from its local/topology.yaml, the passwords from its secrets.env.
 */
export async function prepareFromDir(label: string, dir: string, basePort: number, binary: NatsServerBinary): Promise<Prepared> {
  const parsed = parseTopology(await readFile(join(dir, LOCAL_DIR, 'topology.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error(`${dir}: local/topology.yaml does not parse`);
  const secrets = parseSecretsEnv(await readFile(join(dir, LOCAL_DIR, 'secrets.env'), 'utf8'));
  return { label, topology: parsed.topology, dir, basePort, servers: localServers(parsed.topology, { basePort }), secrets, binary };
}

/** Runs the folder's start.sh and records every pid it wrote, whatever its exit code. */
export async function start(p: Prepared): Promise<{ run: Run; boot: Boot }> {
  const local = join(p.dir, LOCAL_DIR);
  const t0 = performance.now();
  const run = await runScript(join(local, 'start.sh'), p.binary);
  const startMs = performance.now() - t0;
  const pids = new Map<string, number>();
  for (const s of p.servers) {
    try {
      const pid = Number((await readFile(join(local, LOCAL_PATHS.pidFile(s.name)), 'utf8')).trim());
      if (Number.isInteger(pid) && pid > 0) {
        pids.set(s.name, pid);
        livePids.set(pid, join(local, LOCAL_PATHS.conf(s.name)));
      }
    } catch {
      // no pid file: start.sh failed before it, or cleaned up after a failure
    }
  }
  return { run, boot: new Boot(p, pids, startMs) };
}

/**
 * Renders the local target into a new temp folder and runs its start.sh. Retries on another base port when a
 * port was taken in the meantime (another run on this machine). On failure nothing it started is left running.
 */
export async function boot(label: string, topology: Topology, options: BootOptions): Promise<Boot> {
  let lastError = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const { run, boot: b } = await start(await prepare(label, topology, options));
    if (run.code === 0 && b.pids.size === b.servers.length) return b;
    lastError = `start.sh exited ${run.code}\n${run.stderr}${run.stdout}\n${await b.logTails()}`;
    await b.cleanup();
    if (!/address already in use/.test(run.stderr)) break;
  }
  throw new Error(`${label}: could not start the local target: ${lastError}`);
}

/** Pids of the processes whose command line mentions `dir` (read-only scan of /proc). */
export function processesIn(dir: string): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(dir)) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Polls `check` until it returns no problems or the deadline passes; returns the milliseconds it took. On the
 * deadline it throws with the last problems and the end of every server's log.
 */
export async function waitFor(
  b: Pick<Boot, 'label' | 'logTails'>,
  what: string,
  check: () => Promise<string[]>,
  deadlineMs = CONVERGE_DEADLINE_MS,
): Promise<number> {
  const t0 = performance.now();
  let problems: string[] = [];
  while (performance.now() - t0 < deadlineMs) {
    try {
      problems = await check();
    } catch (e) {
      problems = [String(e instanceof Error ? e.message : e)];
    }
    if (problems.length === 0) return performance.now() - t0;
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error(`${b.label}: ${what} not reached within ${deadlineMs / 1000} s:\n  ${problems.join('\n  ')}\n${await b.logTails()}`);
}

/** Retries `fn` until it resolves or the deadline passes; rethrows the last error with its attempts. */
export async function retry<T>(what: string, fn: () => Promise<T>, deadlineMs = 15_000, pauseMs = 250): Promise<T> {
  const t0 = performance.now();
  let attempts = 0;
  for (;;) {
    attempts++;
    try {
      return await fn();
    } catch (e) {
      if (performance.now() - t0 > deadlineMs) {
        throw new Error(`${what}: still failing after ${attempts} attempts in ${deadlineMs / 1000} s: ${e instanceof Error ? e.message : String(e)}`, {
          cause: e,
        });
      }
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}
