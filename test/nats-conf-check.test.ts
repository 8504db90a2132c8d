import { afterAll, expect, it } from 'vitest';
import { parseTopology, renderBundle } from '../src/core';
import { lint } from '../src/core/lint';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBERNETES_PATHS, KUBERNETES_TLS_FILES } from '../src/core/conf/addressing';
import { featureCases, fixedPasswords, noetlLeafWithTls, noetlWithTls, placementCases, templateCases } from './support/fixtures';
import { checkConf, kubeletEnv, podEnv, podEnvFromManifest } from './support/conf-check';
import { describeEachServer } from './support/tools';

/** A folder of throwaway certificate files named as the pod's mounted Secret names them; made once per file run. */
let certsDir: string | null = null;
function throwawayCerts(): string {
  if (certsDir) return certsDir;
  const dir = mkdtempSync(join(tmpdir(), 'nats-conf-tls-'));
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
  execFileSync('openssl', ['req', '-x509', ...curve, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=ca'], { cwd: dir, stdio: 'ignore' });
  execFileSync('openssl', ['req', '-x509', ...curve, '-keyout', 'tls.key', '-out', 'tls.crt', '-subj', '/CN=nats'], { cwd: dir, stdio: 'ignore' });
  return (certsDir = dir);
}
afterAll(() => {
  if (certsDir) rmSync(certsDir, { recursive: true, force: true });
});

describeEachServer('nats.conf of every template', (server) => {
  it.each(templateCases)('%s: one conf per cluster, each accepted by nats-server -t in the environment its StatefulSet gives it', (_id, topology) => {
    const passwords = fixedPasswords(topology);
    const files = renderBundle(topology, { passwords });
    const confs = files.filter((f) => f.path.startsWith('nats-conf/'));
    expect(confs.map((f) => f.path)).toEqual(topology.clusters.map((c) => `nats-conf/${c.name}.conf`).sort());
    for (const f of confs) {
      const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
      const manifest = files.find((m) => m.path.endsWith(`clusters/${cluster}.yaml`))!.content;
      // With TLS on, the pod reads its certificates from the mounted Secret; throwaway files stand in for it.
      const conf = f.content.replaceAll(`${KUBERNETES_PATHS.certDir}/`, () => `${throwawayCerts()}/`);
      expect(() => checkConf(server.path, conf, podEnvFromManifest(manifest, passwords), `${server.version}-${topology.name}-${cluster}`)).not.toThrow();
    }
  });
});

describeEachServer('nats.conf of designs with the switches on and leafnodes', (server) => {
  it.each(featureCases)('%s: each conf accepted by nats-server -t, in the environment its StatefulSet gives it', (_id, topology) => {
    const files = renderBundle(topology, { passwords: fixedPasswords(topology) });
    for (const f of files.filter((x) => x.path.startsWith('nats-conf/'))) {
      const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
      expect(() => checkConf(server.path, f.content, kubeletEnv(files, cluster), `${server.version}-feature-${cluster}`)).not.toThrow();
    }
  });
});

describeEachServer('nats.conf of designs spanning Kubernetes clusters', (server) => {
  it.each(placementCases)('%s: every conf, with advertise and external gateway URLs, accepted by nats-server -t in its pod environment', (_id, topology) => {
    const passwords = fixedPasswords(topology);
    const files = renderBundle(topology, { passwords });
    const confs = files.filter((f) => f.path.startsWith('nats-conf/'));
    expect(confs).toHaveLength(topology.clusters.length);
    expect(confs.every((f) => f.content.includes('advertise: '))).toBe(true);
    for (const f of confs) {
      const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
      const manifest = files.find((m) => m.path.endsWith(`/clusters/${cluster}.yaml`))!.content;
      const env = podEnvFromManifest(manifest, passwords);
      if (topology.security?.serverAuth) {
        expect(f.content).toContain('authorization { user: "route", password: $NATS_ROUTE_PASSWORD }');
        expect(env.NATS_ROUTE_URL_0).toBe(
          `nats://route:${env.NATS_ROUTE_PASSWORD}@nats-${cluster}-0.nats-${cluster}-headless.${topology.namespace}.svc.cluster.local:6222`,
        );
      }
      const name = `${server.version}-${topology.name}-${cluster}`;
      expect(() => checkConf(server.path, f.content, env, name)).not.toThrow();
      // The pod's variables are what makes it valid: without the route URLs the server refuses the conf.
      if (topology.security?.serverAuth) {
        const without = Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'NATS_ROUTE_URL_0'));
        expect(() => checkConf(server.path, f.content, without, name)).toThrow(/NATS_ROUTE_URL_0/);
      }
    }
  });
});

describeEachServer('an account named like a password variable', (server) => {
  it('makes nats-server refuse the conf, and the lint names it', () => {
    // nats-server resolves $NATS_PASSWORD_ALICE in the enclosing blocks first: the accounts block has that key.
    const r = parseTopology({
      version: 1,
      name: 'x',
      accounts: [
        { name: 'NATS_PASSWORD_ALICE', users: ['bob'] },
        { name: 'APP', users: ['alice'] },
      ],
      clusters: [{ name: 'a' }],
    });
    if (!r.ok) throw new Error('does not parse');
    const conf = renderBundle(r.topology).find((f) => f.path === 'nats-conf/a.conf')!.content;
    expect(() => checkConf(server.path, conf, podEnv('a', fixedPasswords(r.topology)), `${server.version}-shadow`)).toThrow(
      /map\[string\]interface \{\}, not string/,
    );
    expect(lint(r.topology).map((p) => p.code)).toContain('ACCOUNT_NAME_PASSWORD_VARIABLE');
  });
});

describeEachServer('a max payload in the defaults and a cluster override', (server) => {
  it('renders max_payload in bytes, and nats-server -t accepts it', () => {
    const r = parseTopology({
      version: 1,
      name: 'x',
      defaults: { maxPayload: '8Mi' },
      clusters: [{ name: 'a' }, { name: 'b', maxPayload: '2Mi' }, { name: 'c', maxPayload: null }],
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    if (!r.ok) throw new Error('does not parse');
    const confs = renderBundle(r.topology).filter((f) => f.path.startsWith('nats-conf/'));
    expect(confs.map((f) => f.content.match(/^max_payload: .*$/m)?.[0] ?? null)).toEqual(['max_payload: 8388608 # 8Mi', 'max_payload: 2097152 # 2Mi', null]);
    for (const f of confs) {
      const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
      expect(() => checkConf(server.path, f.content, podEnv(cluster, fixedPasswords(r.topology)), `${server.version}-payload-${cluster}`)).not.toThrow();
    }
  });
});

describeEachServer('the Kubernetes confs with TLS on every protocol', (server) => {
  it('are accepted by nats-server -t with certificates where the Secret is mounted', () => {
    // The pod mounts the cluster's Secret at /etc/nats-certs; here a folder of throwaway files stands in for it.
    const certs = mkdtempSync(join(tmpdir(), 'nats-conf-tls-'));
    try {
      const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
      execFileSync('openssl', ['req', '-x509', ...curve, '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=ca'], { cwd: certs, stdio: 'ignore' });
      execFileSync('openssl', ['req', '-x509', ...curve, '-keyout', 'tls.key', '-out', 'tls.crt', '-subj', '/CN=nats'], { cwd: certs, stdio: 'ignore' });
      const topology = noetlWithTls();
      const confs = renderBundle(topology).filter((f) => f.path.startsWith('nats-conf/'));
      expect(confs.length).toBe(2);
      // With a leaf and leafnode TLS: the hub's listener and the leaf's remotes carry the certificate too.
      const leafTopology = noetlLeafWithTls();
      const leafFiles = renderBundle(leafTopology, { passwords: fixedPasswords(leafTopology) });
      const leafConfs = leafFiles.filter((f) => f.path.startsWith('nats-conf/'));
      expect(leafConfs.map((f) => f.content.match(/cert_file/g)!.length)).toEqual([4, 3, 3]);
      for (const f of leafConfs) {
        const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
        const conf = f.content.replaceAll(`${KUBERNETES_PATHS.certDir}/`, `${certs}/`);
        expect(() => checkConf(server.path, conf, kubeletEnv(leafFiles, cluster), `${server.version}-leaf-tls-${cluster}`)).not.toThrow();
      }
      for (const f of confs) {
        expect(f.content).toContain(`cert_file: "${KUBERNETES_TLS_FILES.cert}"`);
        const cluster = f.path.replace(/^nats-conf\/|\.conf$/g, '');
        const conf = f.content.replaceAll(`${KUBERNETES_PATHS.certDir}/`, `${certs}/`);
        expect(() => checkConf(server.path, conf, podEnv(cluster, fixedPasswords(topology)), `${server.version}-tls-${cluster}`)).not.toThrow();
      }
    } finally {
      rmSync(certs, { recursive: true, force: true });
    }
  });
});
