/**
 * TLS on every protocol, for real: the NoETL template with clients, routes and gateways on TLS boots from its
 * rendered local target (certs.sh makes a throwaway CA), passes every check the other boots pass (clients and natscli
 * over `tls://` with the CA), and the servers say they require and verify certificates. Negative control: a server
 * that presents a certificate of another CA joins neither its cluster nor the gateways.
 */
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topology } from '../../src/core/model';
import { TEMPLATES } from '../../src/core/templates/index';
import { LOCAL_HOST } from '../../src/core/local/plan';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import { bootSuite, PORT_BANDS, prepare, retry, start, waitFor, type Boot } from './harness';
import { bootCases } from './suite';

function tlsEverywhere(): Topology {
  const t = TEMPLATES.find((x) => x.id === 'noetl')!.topology();
  return { ...t, defaults: { ...t.defaults, tls: { clients: true, routes: true, gateways: true } } };
}

interface TlsVarz {
  tls_required?: boolean;
  cluster?: { tls_required?: boolean; tls_verify?: boolean };
  gateway?: { tls_required?: boolean; tls_verify?: boolean };
}

/** A key and certificate for `name` signed by a CA made on the spot: what a stranger's pod would present. */
function strangerCertificate(dir: string, name: string): void {
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  const curve = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run(['req', '-x509', ...curve, '-days', '1', '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-subj', '/CN=another CA']);
  run(['req', '-new', ...curve, '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`]);
  const ext = `${name}.ext`;
  execFileSync('sh', ['-c', `printf '%s\\n' 'subjectAltName=IP:${LOCAL_HOST},DNS:localhost' 'extendedKeyUsage=serverAuth,clientAuth' >${ext}`], { cwd: dir });
  run([
    'x509',
    '-req',
    '-days',
    '1',
    '-in',
    `${name}.csr`,
    '-CA',
    'other-ca.crt',
    '-CAkey',
    'other-ca.key',
    '-CAcreateserial',
    '-extfile',
    ext,
    '-out',
    `${name}.crt`,
  ]);
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
      const p = await prepare('tls-stranger', tlsEverywhere(), { band: PORT_BANDS.tls, binary: server });
      const local = join(p.dir, 'local');
      execFileSync('sh', [join(local, 'certs.sh')]);
      strangerCertificate(join(local, LOCAL_PATHS.certDir), 'stranger');
      // One server of cluster b presents the stranger's certificate (and trusts only the stranger's CA).
      const conf = join(local, LOCAL_PATHS.conf(rogue));
      const text = await readFile(conf, 'utf8');
      await writeFile(
        conf,
        text.replaceAll('certs/b.crt', 'certs/stranger.crt').replaceAll('certs/b.key', 'certs/stranger.key').replaceAll('certs/ca.crt', 'certs/other-ca.crt'),
      );
      const started = await start(p);
      b = started.boot;
      expect(started.run.code, started.run.stderr).toBe(0);
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
      void retry;
    });
  });
});
