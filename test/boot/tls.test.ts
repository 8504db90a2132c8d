/**
 * TLS on every protocol, for real: the NoETL template with clients, routes and gateways on TLS boots from its
 * rendered local target (certs.sh makes a throwaway CA), passes every check the other boots pass (clients and natscli
 * over `tls://` with the CA), and the servers say they require and verify certificates. Negative controls: a server
 * that presents a certificate of another CA joins neither its cluster nor the gateways; gateway TLS on one side only
 * forms no gateway. And what a certificate without its server's address does (it still joins: see that case).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/core/model';
import { TEMPLATES } from '../../src/core/templates/index';
import { LOCAL_HOST } from '../../src/core/local/plan';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import { lint } from '../../src/core/lint';
import type { NatsServerBinary } from '../support/tools';
import { bootSuite, PORT_BANDS, prepare, start, waitFor, type Boot } from './harness';
import { bootCases } from './suite';

function tlsEverywhere(): Topology {
  const t = TEMPLATES.find((x) => x.id === 'noetl')!.topology();
  return { ...t, defaults: { ...t.defaults, tls: { clients: true, routes: true, gateways: true, leafnodes: false } } };
}

interface TlsVarz {
  tls_required?: boolean;
  cluster?: { tls_required?: boolean; tls_verify?: boolean };
  gateway?: { tls_required?: boolean; tls_verify?: boolean };
}

const CURVE = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/**
 * A key and certificate `name` in the certs folder, signed by `ca` (`<ca>.crt`/`<ca>.key` there, made on the spot when
 * missing) and naming `san`: what a stranger's pod, or a pod with a badly issued certificate, would present.
 */
function makeCertificate(dir: string, name: string, ca: string, san: string): void {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  if (!existsSync(join(dir, `${ca}.crt`))) run(['req', '-x509', ...CURVE, '-days', '1', '-keyout', `${ca}.key`, '-out', `${ca}.crt`, '-subj', `/CN=${ca}`]);
  run(['req', '-new', ...CURVE, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nextendedKeyUsage=serverAuth,clientAuth\n`);
  run([
    'x509',
    '-req',
    '-days',
    '1',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.crt`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-extfile',
    `${name}.ext`,
    '-out',
    `${name}.crt`,
  ]);
}

/** Prepares the TLS local target with server `rogue` presenting certificate `cert` and trusting CA `ca`, and starts it. */
async function bootWithRogue(label: string, server: NatsServerBinary, rogue: string, make: (certs: string) => { cert: string; ca: string }): Promise<Boot> {
  const p = await prepare(label, tlsEverywhere(), { band: PORT_BANDS.tls, binary: server });
  const local = join(p.dir, 'local');
  execFileSync('sh', [join(local, 'certs.sh')]);
  const { cert, ca } = make(join(local, LOCAL_PATHS.certDir));
  const conf = join(local, LOCAL_PATHS.conf(rogue));
  const cluster = p.servers.find((s) => s.name === rogue)!.cluster.name;
  const text = await readFile(conf, 'utf8');
  await writeFile(
    conf,
    text
      .replaceAll(LOCAL_PATHS.clusterCert(cluster), `${LOCAL_PATHS.certDir}/${cert}.crt`)
      .replaceAll(LOCAL_PATHS.clusterKey(cluster), `${LOCAL_PATHS.certDir}/${cert}.key`)
      .replaceAll(LOCAL_PATHS.caCert, `${LOCAL_PATHS.certDir}/${ca}.crt`),
  );
  const started = await start(p);
  expect(started.run.code, started.run.stderr).toBe(0);
  return started.boot;
}

/** Waits until some server's log has a line matching `pattern` (a refused handshake shows there first). */
async function logged(b: Boot, what: string, pattern: RegExp): Promise<void> {
  await waitFor(b, what, async () => {
    const logs = await Promise.all(b.servers.map((s) => b.logTail(s.name, 400)));
    return logs.some((l) => pattern.test(l)) ? [] : [`no log line matches ${String(pattern)} yet`];
  });
}

bootSuite('TLS on clients, routes and gateways', (server) => {
  bootCases([{ label: 'noetl with TLS everywhere', topology: tlsEverywhere }], PORT_BANDS.tls, server);

  describe('what the servers say about it', () => {
    let b: Boot | undefined;
    beforeAll(async () => {
      const p = await prepare('tls-varz', tlsEverywhere(), { band: PORT_BANDS.tls, binary: server });
      const started = await start(p);
      b = started.boot;
      expect(started.run.code, started.run.stderr).toBe(0);
    });
    afterAll(async () => {
      await b?.cleanup();
    });

    it('every server requires TLS of clients and verifies route and gateway certificates', async () => {
      const x = b!;
      for (const s of x.servers) {
        const v = await x.monitor<TlsVarz>(s, '/varz');
        expect({ server: s.name, clients: v.tls_required, cluster: v.cluster, gateway: v.gateway }).toMatchObject({
          server: s.name,
          clients: true,
          cluster: { tls_required: true, tls_verify: true },
          gateway: { tls_required: true, tls_verify: true },
        });
      }
    });

    it('refuses a client that does not speak TLS, and one that does not trust the CA', async () => {
      const x = b!;
      const s = x.servers[0];
      await expect(connect({ servers: `nats://${LOCAL_HOST}:${s.ports.client}`, reconnect: false, timeout: 3_000, tls: null })).rejects.toThrow();
      await expect(connect({ servers: x.clientUrl(s), reconnect: false, timeout: 3_000 })).rejects.toThrow();
    });

    it('keeps the certificates certs.sh made when start.sh runs it again', async () => {
      const x = b!;
      const before = await readFile(join(x.local, LOCAL_PATHS.caCert), 'utf8');
      execFileSync('sh', [join(x.local, 'certs.sh')]);
      expect(await readFile(join(x.local, LOCAL_PATHS.caCert), 'utf8')).toBe(before);
    });
  });

  describe('negative control: a server with a certificate of another CA', () => {
    let b: Boot | undefined;
    const rogue = 'nats-b-2';
    beforeAll(async () => {
      b = await bootWithRogue('tls-stranger', server, rogue, (certs) => {
        makeCertificate(certs, 'stranger', 'other-ca', `IP:${LOCAL_HOST},DNS:localhost`);
        return { cert: 'stranger', ca: 'other-ca' };
      });
    });
    afterAll(async () => {
      await b?.cleanup();
    });

    it('the others form their routes and gateways without it, and it joins nothing', async () => {
      const x = b!;
      const others = x.servers.filter((s) => s.name !== rogue);
      // The others converge among themselves: every route of cluster a, b-0 ↔ b-1, gateways a ↔ b.
      await waitFor(x, 'the others to converge', async () => {
        const problems: string[] = [];
        for (const s of others) {
          const routes = await x.monitor<{ routes?: { remote_name?: string; remote_id: string }[] }>(s, '/routez');
          const peers = new Set((routes.routes ?? []).map((r) => r.remote_id)).size;
          const want = s.cluster.name === 'b' ? 1 : 2;
          if (peers !== want) problems.push(`${s.name}: ${peers} route peers, want ${want}`);
          const gw = await x.monitor<{ outbound_gateways?: Record<string, unknown> }>(s, '/gatewayz');
          const out = Object.keys(gw.outbound_gateways ?? {});
          const wantGw = s.cluster.name === 'a' ? 'b' : 'a';
          if (!out.includes(wantGw)) problems.push(`${s.name}: outbound gateways ${JSON.stringify(out)}, want ${wantGw}`);
        }
        return problems;
      });
      // And a handshake with the rogue has failed on its certificate.
      await waitFor(x, 'a refused handshake in the logs', async () => {
        const logs = await Promise.all(x.servers.map((s) => x.logTail(s.name, 400)));
        return logs.some((l) => /certificate signed by unknown authority|bad certificate|unknown certificate authority/i.test(l))
          ? []
          : ['no TLS refusal logged yet'];
      });
      const routez = await x.monitor<{ num_routes: number }>(x.server(rogue), '/routez');
      expect(routez.num_routes).toBe(0);
      const gw = await x.monitor<{ outbound_gateways?: Record<string, unknown>; inbound_gateways?: Record<string, unknown> }>(x.server(rogue), '/gatewayz');
      expect(Object.keys(gw.outbound_gateways ?? {})).toEqual([]);
      expect(Object.keys(gw.inbound_gateways ?? {})).toEqual([]);
      for (const s of others) {
        const routes = await x.monitor<{ routes?: { remote_id: string }[] }>(s, '/routez');
        const rogueId = (await x.monitor<{ server_id: string }>(x.server(rogue), '/varz')).server_id;
        expect((routes.routes ?? []).map((r) => r.remote_id)).not.toContain(rogueId);
      }
    });
  });

  describe('a server whose certificate, from the right CA, lacks the address its dialers use', () => {
    let b: Boot | undefined;
    const rogue = 'nats-b-2';
    beforeAll(async () => {
      b = await bootWithRogue('tls-no-san', server, rogue, (certs) => {
        makeCertificate(certs, 'no-san', 'ca', 'DNS:wrong.example');
        return { cert: 'no-san', ca: 'ca' };
      });
    });
    afterAll(async () => {
      await b?.cleanup();
    });

    // `verify` checks a dialing peer's certificate against the CA only; the name is checked by the dialer. So the
    // servers that dial it refuse it, but its own dials are accepted and it joins (docs/nats-server.md, "TLS").
    it('is refused by every server that dials it, yet joins through its own dials: verify checks the CA, not the name', async () => {
      const x = b!;
      await logged(x, 'a dialer refusing its certificate', /doesn't contain any IP SANs|not valid for any names|cannot validate certificate for 127\.0\.0\.1/);
      await waitFor(x, 'the rogue to route with its cluster through its own dials', async () => {
        const routes = await x.monitor<{ routes?: { remote_id: string }[] }>(x.server(rogue), '/routez');
        const peers = new Set((routes.routes ?? []).map((r) => r.remote_id)).size;
        return peers === 2 ? [] : [`${rogue} routes to ${peers} peers, want 2`];
      });
    });
  });

  describe('gateway TLS on one cluster only (what TLS_GATEWAY_MISMATCH reports)', () => {
    let b: Boot | undefined;
    beforeAll(async () => {
      const light = TEMPLATES.find((t) => t.id === 'light')!.topology();
      const t: Topology = { ...light, clusters: light.clusters.map((c, i) => (i === 0 ? { ...c, tls: { gateways: true, leafnodes: false } } : c)) };
      expect(lint(t).map((p) => p.code)).toContain('TLS_GATEWAY_MISMATCH');
      const started = await start(await prepare('tls-mismatch', t, { band: PORT_BANDS.tls, binary: server }));
      b = started.boot;
      expect(started.run.code, started.run.stderr).toBe(0);
    });
    afterAll(async () => {
      await b?.cleanup();
    });

    it('forms no gateway in either direction', async () => {
      const x = b!;
      await logged(x, 'a failed gateway handshake', /TLS gateway handshake error|first record does not look like a TLS handshake/);
      for (const s of x.servers) {
        const gw = await x.monitor<{ outbound_gateways?: Record<string, unknown>; inbound_gateways?: Record<string, unknown> }>(s, '/gatewayz');
        expect({ server: s.name, out: Object.keys(gw.outbound_gateways ?? {}), in: Object.keys(gw.inbound_gateways ?? {}) }).toEqual({
          server: s.name,
          out: [],
          in: [],
        });
      }
    });
  });
});
