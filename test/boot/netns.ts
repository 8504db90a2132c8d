/**
 * Sites in Linux network namespaces: each kube context of a design becomes a namespace of its own, the way each
 * Kubernetes cluster is a network of its own. A site has two addresses, both existing only inside the namespaces
 * this file makes: an internal one on its loopback (its "pod network", which no other site can route to) and an
 * external one on a veth whose other end is on a bridge in a hub namespace (its "load balancer"). So a server can
 * reach another site only at the address the design advertises. Needs root (`ip netns`); the caller skips without.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Topology } from '../../src/core/model';
import { siteOf } from '../../src/core/conf/placement';
import { localServers, type LocalServer, type LocalSite } from '../../src/core/local/plan';
import { LOCAL_DIR, renderLocalTarget } from '../../src/core/local/local-target';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import type { Passwords } from '../../src/core/bundle/files';
import type { NatsServerBinary } from '../support/tools';
import { isServer, parseSecretsEnv } from './harness';

/** Whether this process may make network namespaces (root, with iproute2), and has curl to read monitoring inside them. */
export const HAS_NETNS = process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list']).status === 0 && spawnSync('curl', ['--version']).status === 0;

function run(cmd: string, args: string[], timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, encoding: 'utf8' }, (err, stdout, stderr) =>
      err ? reject(new Error(`${cmd} ${args.join(' ')}: ${stderr || err.message}`)) : resolve(stdout),
    );
  });
}

/** Runs a command inside a namespace; resolves with its exit code and output, never rejects. */
export function inNs(ns: string, cmd: string, args: string[], env: Record<string, string> = {}, timeoutMs = 20_000): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      'ip',
      ['netns', 'exec', ns, cmd, ...args],
      { timeout: timeoutMs, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, out: `${stdout}${stderr}` }),
    );
  });
}

/** The namespaces of one run: a hub with the bridge, and one namespace per site. */
export class SiteNetwork {
  private constructor(
    readonly hub: string,
    /** Namespace and addresses by kube context (null: the default Kubernetes cluster). */
    readonly sites: Map<string | null, LocalSite & { ns: string }>,
  ) {}

  /** One site per kube context of the design, in first-seen order: internal 10.232.0.<n>, external 10.231.0.<n>. */
  static async create(topology: Topology): Promise<SiteNetwork> {
    const tag = `ntd-${process.pid}-${randomBytes(3).toString('hex')}`;
    const contexts = [...new Set(topology.clusters.map(siteOf))];
    const net = new SiteNetwork(`${tag}-hub`, new Map());
    await run('ip', ['netns', 'add', net.hub]);
    try {
      await run('ip', ['-n', net.hub, 'link', 'add', 'br0', 'type', 'bridge']);
      await run('ip', ['-n', net.hub, 'link', 'set', 'br0', 'up']);
      for (const [i, ctx] of contexts.entries()) {
        const site = { ns: `${tag}-s${i}`, internal: `10.232.0.${i + 1}`, external: `10.231.0.${i + 1}` };
        net.sites.set(ctx, site);
        await run('ip', ['netns', 'add', site.ns]);
        await run('ip', ['link', 'add', 'eth0', 'netns', site.ns, 'type', 'veth', 'peer', 'name', `h${i}`, 'netns', net.hub]);
        await run('ip', ['-n', net.hub, 'link', 'set', `h${i}`, 'master', 'br0']);
        await run('ip', ['-n', net.hub, 'link', 'set', `h${i}`, 'up']);
        await run('ip', ['-n', site.ns, 'link', 'set', 'lo', 'up']);
        await run('ip', ['-n', site.ns, 'link', 'set', 'eth0', 'up']);
        await run('ip', ['-n', site.ns, 'addr', 'add', `${site.external}/24`, 'dev', 'eth0']);
        await run('ip', ['-n', site.ns, 'addr', 'add', `${site.internal}/32`, 'dev', 'lo']);
      }
    } catch (e) {
      await net.destroy();
      throw e;
    }
    return net;
  }

  /** The sites as the local target's option. */
  localSites(): Map<string | null, LocalSite> {
    return new Map([...this.sites].map(([ctx, s]) => [ctx, { internal: s.internal, external: s.external }]));
  }

  nsOf(s: LocalServer): string {
    return this.sites.get(siteOf(s.cluster))!.ns;
  }

  /** Removes every namespace it made (their veths and the bridge go with them). Never throws. */
  async destroy(): Promise<void> {
    for (const ns of [...[...this.sites.values()].map((s) => s.ns), this.hub]) await run('ip', ['netns', 'del', ns]).catch(() => undefined);
  }
}

/** A design's local target running in a {@link SiteNetwork}: each server inside its site's namespace. */
export class SiteRun {
  readonly pids = new Map<string, number>();

  private constructor(
    readonly label: string,
    readonly topology: Topology,
    readonly net: SiteNetwork,
    readonly dir: string,
    readonly servers: LocalServer[],
    readonly secrets: Record<string, string>,
    readonly binary: NatsServerBinary,
  ) {}

  /** Renders the local target with one address pair per site and writes it to a new folder. */
  static async prepare(
    label: string,
    topology: Topology,
    net: SiteNetwork,
    passwords: Passwords,
    basePort: number,
    binary: NatsServerBinary,
  ): Promise<SiteRun> {
    const dir = await mkdtemp(join(tmpdir(), 'multi-site-'));
    const options = { basePort, sites: net.localSites() };
    for (const f of renderLocalTarget(topology, passwords, options)) {
      const path = join(dir, f.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.content, { mode: 0o600 });
    }
    for (const sub of ['data', 'run', 'logs']) await mkdir(join(dir, LOCAL_DIR, sub), { recursive: true });
    // With TLS, the throwaway CA and certificates, as start.sh would make them.
    if (existsSync(join(dir, LOCAL_DIR, 'certs.sh'))) await run('sh', [join(dir, LOCAL_DIR, 'certs.sh')]);
    const secrets = parseSecretsEnv(await readFile(join(dir, LOCAL_DIR, 'secrets.env'), 'utf8'));
    return new SiteRun(label, topology, net, dir, localServers(topology, options), secrets, binary);
  }

  get local(): string {
    return join(this.dir, LOCAL_DIR);
  }

  conf(name: string): string {
    return join(this.local, LOCAL_PATHS.conf(name));
  }

  /** Starts every server in its site's namespace with secrets.env's environment, `env` over it for the servers it names. */
  startAll(env: (s: LocalServer) => Record<string, string> = () => ({})): void {
    for (const s of this.servers) {
      const log = openSync(join(this.local, LOCAL_PATHS.log(s.name)), 'a');
      try {
        // `ip netns exec` execs the server: the pid is the server's.
        const child = spawn('ip', ['netns', 'exec', this.net.nsOf(s), this.binary.path, '-c', this.conf(s.name)], {
          cwd: this.local,
          env: { PATH: process.env.PATH ?? '', ...this.secrets, ...env(s) },
          stdio: ['ignore', log, log],
          detached: true,
        });
        child.unref();
        this.pids.set(s.name, child.pid!);
      } finally {
        closeSync(log);
      }
    }
  }

  /** GET a monitoring endpoint from inside the server's site, at its internal address. */
  async http(s: LocalServer, path: string): Promise<{ status: number; body: string }> {
    const site = this.net.sites.get(siteOf(s.cluster))!;
    const r = await inNs(site.ns, 'curl', ['-s', '-m', '2', '-w', '\n%{http_code}', `http://${site.internal}:${s.ports.monitor}${path}`]);
    if (r.code !== 0) throw new Error(`${s.name} ${path}: curl exited ${r.code}`);
    const at = r.out.lastIndexOf('\n');
    return { status: Number(r.out.slice(at + 1)), body: r.out.slice(0, at) };
  }

  async monitor<T = Record<string, unknown>>(s: LocalServer, path: string): Promise<T> {
    const { status, body } = await this.http(s, path);
    if (status !== 200) throw new Error(`${s.name} ${path}: HTTP ${status} ${body.trim()}`);
    return JSON.parse(body) as T;
  }

  /** natscli's connection flags for a server, from inside its site: its internal address, the user, and the CA with TLS on. */
  cliConnection(s: LocalServer, user: string, password: string): string[] {
    const site = this.net.sites.get(siteOf(s.cluster))!;
    const url = `nats://${site.internal}:${s.ports.client}`;
    const ca = s.cluster.tls.clients ? ['--tlsca', join(this.local, LOCAL_PATHS.caCert)] : [];
    return ['--no-context', '--server', url, '--user', user, '--password', password, ...ca];
  }

  /** `nats <args>` from inside a server's site against it, as `user`. */
  cli(cli: string, s: LocalServer, user: string, password: string, args: string[], timeoutMs = 20_000): Promise<{ code: number; out: string }> {
    const site = this.net.sites.get(siteOf(s.cluster))!;
    return inNs(site.ns, cli, [...this.cliConnection(s, user, password), '--timeout', '5s', ...args], { HOME: this.dir, NO_COLOR: '1' }, timeoutMs);
  }

  async logTail(name: string, lines = 12): Promise<string> {
    try {
      return (await readFile(join(this.local, LOCAL_PATHS.log(name)), 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  log(name: string): string {
    try {
      return readFileSync(join(this.local, LOCAL_PATHS.log(name)), 'utf8');
    } catch {
      return '';
    }
  }

  async logTails(lines = 8): Promise<string> {
    const out: string[] = [];
    for (const s of this.servers) out.push(`--- ${s.name} ---\n${await this.logTail(s.name, lines)}`);
    return out.join('\n');
  }

  /** SIGTERM to every server it started, then SIGKILL to any left once they had their time; removes the folder. */
  async stop(): Promise<void> {
    const alive = () => [...this.pids].filter(([name, pid]) => isServer(pid, this.conf(name)));
    for (const [, pid] of alive()) process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 100 && alive().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    for (const [, pid] of alive()) process.kill(pid, 'SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }
}
