import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index';
import { renderNatsConf } from '../conf/nats-conf';
import { remotesOf, needsClusterBlock } from '../conf/topology-facts';
import { resolveCluster, type Topology } from '../model';
import { clusterNames, passwordEnvVar, SYSTEM_PASSWORD_ENV } from '../names';
import { generatePasswords, PASSWORD_PLACEHOLDER } from '../bundle/passwords';
import { SHAPES, shapeTopology } from '../../../test/boot/shapes';
import { LOCAL_BASE_PORT, localAddressing, localServers, localTargetProblem, renderLocalTarget, renderSecretsEnv } from './index';

/** Every topology the local target is checked on: the templates, the boot shapes, and a few variations. */
function topologies(): [string, Topology][] {
  const out: [string, Topology][] = [
    // The plain local target: multi-region's (certs.sh, sites, leaf and auth variables) is booted in test/boot/multi-site.test.ts.
    ...TEMPLATES.filter((t) => t.id !== 'multi-region').map((t): [string, Topology] => [`template ${t.id}`, t.topology()]),
    ...SHAPES.map((s): [string, Topology] => [`shape ${s.id}`, shapeTopology(s)]),
  ];
  const overrides = shapeTopology(SHAPES[4]);
  overrides.clusters[1].replicas = 5;
  overrides.clusters[2].jetstream = { memoryStore: '32Mi', fileStore: '1Gi' };
  out.push(['per-cluster overrides', overrides]);
  const noJs = shapeTopology(SHAPES[3]);
  noJs.jetstream.enabled = false;
  out.push(['JetStream off', noJs]);
  const noAccounts = shapeTopology(SHAPES[3]);
  noAccounts.accounts = [];
  out.push(['no accounts', noAccounts]);
  return out;
}

const fixedRandom = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) % 256);

function confs(files: { path: string; content: string }[]): Map<string, string> {
  return new Map(files.filter((f) => f.path.endsWith('.conf')).map((f) => [f.path, f.content]));
}

/**
 * What may differ between the Kubernetes conf of a cluster and the local conf of one of its servers: the
 * source of server_name, listen hosts, ports, paths, and the seed addresses of routes and gateways (a list of
 * addresses either way; Kubernetes may name a Service where the local plan lists every server).
 */
function normalise(conf: string): string {
  return conf
    .replace(/^(\s*)routes: \[\n(?:\s*"nats:\/\/[^"]+"\n)*\s*\]$/gm, '$1routes: [<SEEDS>]')
    .replace(/urls: \[[^\]]*\]/g, 'urls: [<SEEDS>]')
    .split('\n')
    .filter((line) => !/^\s*host: "127\.0\.0\.1"$/.test(line))
    .map((line) =>
      line
        .replace(/^server_name: (\$SERVER_NAME|"nats-[a-z0-9-]+-\d+")$/, 'server_name: <SERVER_NAME>')
        .replace(/^(\s*)(port|http_port): \d+$/, '$1$2: <PORT>')
        .replace(/^(\s*)(pid_file|store_dir): "[^"]+"$/, '$1$2: <PATH>'),
    )
    .join('\n');
}

describe('the local port plan', () => {
  it.each(topologies())('gives every server of %s its own ports, in topology order from the base port', (_label, topology) => {
    const servers = localServers(topology);
    const ports = servers.flatMap((s) => Object.values(s.ports));
    expect(new Set(ports).size).toBe(ports.length);
    expect(servers[0].ports).toEqual({
      client: LOCAL_BASE_PORT,
      cluster: LOCAL_BASE_PORT + 1,
      gateway: LOCAL_BASE_PORT + 2,
      monitor: LOCAL_BASE_PORT + 3,
      leafnode: LOCAL_BASE_PORT + 4,
    });
    expect(servers.map((s) => s.name)).toEqual(
      topology.clusters.flatMap((c) => Array.from({ length: resolveCluster(topology, c).replicas }, (_, i) => clusterNames(c.name).pod(i))),
    );
    expect(servers.map((s) => s.ports.client)).toEqual(servers.map((_, k) => LOCAL_BASE_PORT + 10 * k));
  });

  it('moves every port with the base port', () => {
    const t = shapeTopology(SHAPES[3]);
    const moved = localServers(t, { basePort: 20000 });
    expect(moved.map((s) => s.ports.client)).toEqual([20000, 20010, 20020, 20030, 20040, 20050]);
    expect(moved.at(-1)!.ports.monitor).toBe(20053);
  });

  it('names what keeps a topology from running locally, and renderLocalTarget refuses it', () => {
    const t = shapeTopology(SHAPES[3]);
    expect(localTargetProblem(t)).toBeNull();
    expect(localTargetProblem(t, { basePort: 80 })).toMatch(/from 1024 to 65535/);
    expect(localTargetProblem(t, { basePort: 14222.5 })).toMatch(/whole number/);
    expect(localTargetProblem(t, { basePort: 65500 })).toBe('6 servers need ports up to 65553 from base port 65500; use a base port of at most 65482');
    expect(localTargetProblem(t, { basePort: 65482 })).toBeNull();
    const bad = shapeTopology(SHAPES[0]);
    bad.clusters[0].name = '../x';
    expect(localTargetProblem(bad)).toMatch(/not a DNS-1123 label/);
    expect(() => renderLocalTarget(bad, undefined)).toThrow(RangeError);
    expect(() => renderLocalTarget(t, undefined, { basePort: 65500 })).toThrow(/at most 65482/);
  });
});

describe('localAddressing', () => {
  it('puts every listener, route and gateway seed on 127.0.0.1 and names the server like its pod', () => {
    const t = shapeTopology(SHAPES[4]);
    const b = resolveCluster(t, t.clusters[1]);
    const a = localAddressing(t, b, 2, { basePort: 20000 });
    expect(a.serverName).toEqual({ literal: 'nats-b-2' });
    expect(a.host).toBe('127.0.0.1');
    expect(a.ports).toEqual({ client: 20050, cluster: 20051, gateway: 20052, monitor: 20053, leafnode: 20054 });
    expect(a.routeUrls).toEqual(['nats://127.0.0.1:20031', 'nats://127.0.0.1:20041', 'nats://127.0.0.1:20051']);
    expect(a.gatewayUrls(resolveCluster(t, t.clusters[2]))).toEqual(['nats://127.0.0.1:20062', 'nats://127.0.0.1:20072', 'nats://127.0.0.1:20082']);
    expect(a.storeDir).toBe('data/nats-b-2');
    expect(a.pidFile).toBe('run/nats-b-2.pid');
  });
});

describe('renderLocalTarget', () => {
  it.each(topologies())('renders %s as one conf per server and five other files, none of them .conf', (_label, topology) => {
    const files = renderLocalTarget(topology, generatePasswords(topology, fixedRandom));
    const names = localServers(topology).map((s) => s.name);
    expect(files.map((f) => f.path)).toEqual([
      ...names.map((n) => `local/${n}.conf`),
      'local/secrets.env',
      'local/start.sh',
      'local/stop.sh',
      'local/README.md',
      'local/topology.yaml',
    ]);
  });

  it.each(topologies())('renders %s the same way every time', (_label, topology) => {
    const passwords = generatePasswords(topology, fixedRandom);
    expect(renderLocalTarget(topology, passwords, { basePort: 30000 })).toEqual(renderLocalTarget(topology, passwords, { basePort: 30000 }));
  });

  it.each(topologies())('uses no address but 127.0.0.1 in %s', (_label, topology) => {
    for (const [path, conf] of confs(renderLocalTarget(topology, undefined))) {
      const urls = [...conf.matchAll(/nats:\/\/([^":]+):\d+/g)].map((m) => m[1]);
      expect(new Set(urls), path).toEqual(urls.length ? new Set(['127.0.0.1']) : new Set());
      expect(
        conf.match(/^\s*host: .*$/gm)?.every((l) => l.trim() === 'host: "127.0.0.1"'),
        path,
      ).toBe(true);
    }
  });

  it.each(topologies())(
    'renders %s exactly like the Kubernetes conf of the same cluster but for addresses, ports, paths and the source of server_name',
    (_label, topology) => {
      const local = confs(renderLocalTarget(topology, undefined));
      for (const server of localServers(topology)) {
        const kubernetes = renderNatsConf(topology, server.cluster.name);
        const mine = local.get(`local/${server.name}.conf`)!;
        expect(kubernetes).not.toMatch(/^\s*host:/m);
        expect(mine).toContain(`server_name: "${server.name}"`);
        const links = remotesOf(topology, server.cluster.name).length;
        const hosts = 1 + (needsClusterBlock(server.cluster, links) ? 1 : 0) + (links > 0 ? 1 : 0);
        expect(mine.match(/^\s*host: "127\.0\.0\.1"$/gm)).toHaveLength(hosts);
        expect(normalise(mine)).toBe(normalise(kubernetes));
      }
    },
  );

  it('writes each server its own ports, store and pid file', () => {
    const t = shapeTopology(SHAPES[3]);
    const local = confs(renderLocalTarget(t, undefined, { basePort: 20000 }));
    const conf = local.get('local/nats-b-1.conf')!;
    expect(conf).toContain('port: 20040\nhttp_port: 20043\npid_file: "run/nats-b-1.pid"');
    expect(conf).toContain('store_dir: "data/nats-b-1"');
    expect(conf).toMatch(/cluster \{\n {2}name: "b"\n {2}host: "127.0.0.1"\n {2}port: 20041\n/);
    expect(conf).toMatch(/gateway \{\n {2}name: "b"\n {2}host: "127.0.0.1"\n {2}port: 20042\n/);
    expect(conf).toContain('{ name: "a", urls: ["nats://127.0.0.1:20002", "nats://127.0.0.1:20012", "nats://127.0.0.1:20022"] }');
  });
});

describe('local/secrets.env', () => {
  it.each(topologies())('exports exactly the password variables the confs of %s read', (_label, topology) => {
    const passwords = generatePasswords(topology, fixedRandom);
    const files = renderLocalTarget(topology, passwords);
    const referenced = new Set([...confs(files).values()].flatMap((c) => [...c.matchAll(/password: \$([A-Z0-9_]+)/g)].map((m) => m[1])));
    const env = files.find((f) => f.path === 'local/secrets.env')!.content;
    const exported = [...env.matchAll(/^export ([A-Z0-9_]+)='([^']*)'/gm)];
    expect(new Set(exported.map((m) => m[1]))).toEqual(referenced);
    for (const [, name, value] of exported) {
      const user = [...passwords.keys()].find((u) => passwordEnvVar(u) === name)!;
      expect(value).toBe(passwords.get(user));
    }
  });

  it('holds placeholders in a preview and says so', () => {
    const env = renderSecretsEnv(shapeTopology(SHAPES[0]), undefined);
    expect(env).toContain(`export ${SYSTEM_PASSWORD_ENV}='${PASSWORD_PLACEHOLDER}' # user "sys"`);
    expect(env).toContain('placeholders');
  });

  it('exports nothing when no account has users', () => {
    const t = TEMPLATES.find((x) => x.id === 'single')!.topology();
    expect(renderSecretsEnv(t, new Map())).not.toMatch(/^export/m);
  });

  it('quotes every value for the shell and refuses to invent a missing password', () => {
    const t = shapeTopology(SHAPES[0]);
    t.accounts = [{ name: 'APP', jetstream: true, users: ['app'] }];
    expect(
      renderSecretsEnv(
        t,
        new Map([
          ['sys', "it's"],
          ['app', 'a b$c'],
        ]),
      ),
    ).toContain(`export NATS_PASSWORD_SYS='it'\\''s' # user "sys"\nexport NATS_PASSWORD_APP='a b$c'`);
    expect(() => renderSecretsEnv(t, new Map([['sys', 'x']]))).toThrow(/no password for user "app"/);
  });
});

describe('local/start.sh and local/stop.sh', () => {
  const t = shapeTopology(SHAPES[3]);
  const files = renderLocalTarget(t, undefined, { basePort: 20000 });
  const file = (name: string) => files.find((f) => f.path === `local/${name}`)!.content;

  it('are POSIX sh that parses', () => {
    const dir = mkdtempSync(join(tmpdir(), 'local-sh-'));
    try {
      for (const name of ['start.sh', 'stop.sh', 'secrets.env']) {
        writeFileSync(join(dir, name), file(name));
        execFileSync('sh', ['-n', join(dir, name)]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('start every server from its own conf, with its own pid file and log, from the scripts folder', () => {
    const start = file('start.sh');
    expect(start).toMatch(/^#!\/bin\/sh\n/);
    expect(start).toContain('set -eu\ncd -P "$(dirname "$0")"');
    expect(start).toContain("SERVERS='nats-a-0 nats-a-1 nats-a-2 nats-b-0 nats-b-1 nats-b-2'");
    expect(start).toContain('. ./secrets.env');
    expect(start).toContain('"$NATS_SERVER" -c "$HERE/$s.conf" >"logs/$s.log" 2>&1 &');
    expect(start).toContain('echo "$!" >"run/$s.pid"');
    expect(start).toContain("echo '  nats-b-2  nats://127.0.0.1:20050  monitoring http://127.0.0.1:20053'");
  });

  it('stop only the pids in their pid files, never by name', () => {
    const stop = file('stop.sh');
    expect(stop).not.toMatch(/pkill|killall|pidof/);
    expect(stop).toContain('kill -s TERM "$pid"');
    expect(stop).toContain('rm -f "run/$s.pid"');
  });
});

describe('local/README.md', () => {
  it('shows how to start, look at and stop the run with its real ports', () => {
    const t = TEMPLATES.find((x) => x.id === 'noetl')!.topology();
    const readme = renderLocalTarget(t, undefined).find((f) => f.path === 'local/README.md')!.content;
    expect(readme).toContain('sh start.sh');
    expect(readme).toContain('sh stop.sh');
    expect(readme).toContain('The base port is 14222 (the default)');
    expect(readme).toContain('--base-port <port>');
    for (const path of ['varz', 'routez', 'gatewayz', 'jsz']) expect(readme).toContain(`curl -s http://127.0.0.1:14225/${path}`);
    // What the boot tests' convergence check counts: peers by remote_id (2.10+ pools routes) and limits in /jsz.
    expect(readme).toContain('/routez    # 2 distinct remote_id: each other server of cluster a');
    expect(readme).not.toContain('num_routes');
    expect(readme).toContain('| nats-b-2 | b | 14272 | 14273 | 14274 | 14275 |');
    expect(readme).toContain('--user noetl --password "$NATS_PASSWORD_NOETL"');
  });
});

describe('local/certs.sh', () => {
  const noetl = () => TEMPLATES.find((x) => x.id === 'noetl')!.topology();

  it('is rendered, and run by start.sh, only when a cluster turns TLS on', () => {
    const plain = renderLocalTarget(noetl(), undefined);
    expect(plain.map((f) => f.path)).not.toContain('local/certs.sh');
    expect(plain.find((f) => f.path === 'local/start.sh')!.content).not.toContain('certs.sh');
    const t = noetl();
    t.clusters[1].tls = { routes: true };
    const files = renderLocalTarget(t, undefined);
    expect(files.find((f) => f.path === 'local/certs.sh')!.content).toContain("CLUSTERS='b'");
    expect(files.find((f) => f.path === 'local/start.sh')!.content).toContain('sh ./certs.sh');
    expect(files.find((f) => f.path === 'local/README.md')!.content).toContain('first runs `certs.sh`');
  });

  it('makes, with openssl, a CA and a certificate per cluster that openssl verifies for 127.0.0.1 as server and client', () => {
    const t = noetl();
    t.defaults.tls = { clients: true, routes: true, gateways: true, leafnodes: false };
    const dir = mkdtempSync(join(tmpdir(), 'certs-sh-'));
    try {
      const script = join(dir, 'certs.sh');
      writeFileSync(script, renderLocalTarget(t, undefined).find((f) => f.path === 'local/certs.sh')!.content);
      execFileSync('sh', [script], { stdio: 'pipe' });
      for (const c of ['a', 'b']) {
        for (const purpose of ['sslserver', 'sslclient']) {
          const out = execFileSync('openssl', ['verify', '-CAfile', 'certs/ca.crt', '-purpose', purpose, '-verify_ip', '127.0.0.1', `certs/${c}.crt`], {
            cwd: dir,
            encoding: 'utf8',
          });
          expect(out.trim()).toBe(`certs/${c}.crt: OK`);
        }
      }
      // Another host is not on the certificate: the check can fail.
      expect(() =>
        execFileSync('openssl', ['verify', '-CAfile', 'certs/ca.crt', '-verify_hostname', 'example.com', 'certs/a.crt'], { cwd: dir, stdio: 'pipe' }),
      ).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with sites, names each cluster's site addresses on its certificate, and not another site's", () => {
    // given a in kube context east, b in west, each a site with an internal and an external address
    const t = noetl();
    t.defaults.tls = { clients: true, routes: true, gateways: true, leafnodes: false };
    t.clusters[0].kubeContext = 'east';
    t.clusters[1].kubeContext = 'west';
    const sites = new Map([
      ['east', { internal: '10.232.0.1', external: '10.231.0.1' }],
      ['west', { internal: '10.232.0.2', external: '10.231.0.2' }],
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'certs-sh-sites-'));
    try {
      const script = join(dir, 'certs.sh');
      writeFileSync(script, renderLocalTarget(t, undefined, { sites }).find((f) => f.path === 'local/certs.sh')!.content);
      // when
      execFileSync('sh', [script], { stdio: 'pipe' });
      // then
      const verify = (cert: string, ip: string) =>
        execFileSync('openssl', ['verify', '-CAfile', 'certs/ca.crt', '-purpose', 'sslserver', '-verify_ip', ip, cert], { cwd: dir, stdio: 'pipe' });
      for (const ip of ['127.0.0.1', '10.232.0.1', '10.231.0.1']) expect(() => verify('certs/a.crt', ip)).not.toThrow();
      for (const ip of ['127.0.0.1', '10.232.0.2', '10.231.0.2']) expect(() => verify('certs/b.crt', ip)).not.toThrow();
      expect(() => verify('certs/a.crt', '10.231.0.2')).toThrow();
      expect(() => verify('certs/b.crt', '10.232.0.1')).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a site address that is not an IP literal, since it would be certificate config', () => {
    const t = noetl();
    t.defaults.tls = { clients: true, routes: true, gateways: true, leafnodes: false };
    t.clusters[0].kubeContext = 'east';
    const sites = new Map<string | null, { internal: string; external: string }>([
      ['east', { internal: '10.232.0.1', external: '10.0.0.1,DNS:evil.example.com' }],
      [null, { internal: '10.232.0.2', external: '10.231.0.2' }],
    ]);
    expect(() => renderLocalTarget(t, undefined, { sites })).toThrow(/must be an IP address/);
  });
});
