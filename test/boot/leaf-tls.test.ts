/**
 * Leafnode TLS, for real on both server versions: a leaf cluster with `tls.leafnodes` dials its hub with TLS (the hub
 * verifies the leaf's certificate) and reaches the hub's JetStream through the hub's domain. Negative control: the
 * same design with the leaf's switch off (what TLS_LEAFNODE_MISMATCH refuses) boots, but no leafnode connection forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstreamManager, StorageType } from '@nats-io/jetstream';
import { parseTopology } from '../../src/core/parse/parse-topology';
import type { Topology } from '../../src/core/model';
import { lint } from '../../src/core/lint';
import { convergenceProblems } from './checks';
import { connectTo, password } from './clients';
import { boot, bootSuite, PORT_BANDS, waitFor, type Boot } from './harness';

const band = PORT_BANDS.leafTls;

/** Hub system a–b (domain `hub`), leaf `edge` (domain `edge`) under a; leafnode TLS from the defaults, `edge` may differ. */
function design(edgeTls: boolean): Topology {
  const r = parseTopology({
    version: 1,
    name: 'leaftls',
    accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
    jetstream: { domain: 'hub' },
    defaults: { replicas: 1, tls: { leafnodes: true } },
    clusters: [{ name: 'a' }, { name: 'b' }, { name: 'edge', domain: 'edge', tls: { leafnodes: edgeTls } }],
    gateways: [['a', 'b']],
    leafnodes: [['edge', 'a']],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

interface LeafVarz {
  leaf?: { tls_required?: boolean; tls_verify?: boolean };
}

bootSuite('leafnode TLS', (server) => {
  describe('a leaf with leafnode TLS under a hub with it', () => {
    let b: Boot | undefined;
    beforeAll(async () => {
      expect(lint(design(true)).filter((p) => p.severity === 'error')).toEqual([]);
      b = await boot('leaf-tls', design(true), { band, binary: server });
      await waitFor(b, 'convergence', () => convergenceProblems(b!));
    });
    afterAll(async () => {
      await b?.cleanup();
    });

    it("connects over TLS that the hub verifies, and reaches the hub's JetStream through its domain", async () => {
      const x = b!;
      const hub = x.servers.find((s) => s.cluster.name === 'a')!;
      const edge = x.servers.find((s) => s.cluster.name === 'edge')!;
      const v = await x.monitor<LeafVarz>(hub, '/varz');
      expect(v.leaf).toMatchObject({ tls_required: true, tls_verify: true });
      await waitFor(x, 'the leafnode connection', async () => {
        const leafz = await x.monitor<{ leafs?: { account: string }[] }>(hub, '/leafz');
        return leafz.leafs?.some((l) => l.account === 'APP') ? [] : [JSON.stringify(leafz)];
      });
      const app = { user: 'app', pass: password(x, 'app') };
      const nc = await connectTo(x, edge, app);
      try {
        const jsm = await jetstreamManager(nc, { domain: 'hub' });
        await jsm.streams.add({ name: 'FROM_EDGE', subjects: ['from-edge.>'], storage: StorageType.File, num_replicas: 1 });
      } finally {
        await nc.close();
      }
      const hc = await connectTo(
        x,
        x.servers.find((s) => s.cluster.name === 'b')!,
        app,
      );
      try {
        const info = await (await jetstreamManager(hc)).streams.info('FROM_EDGE');
        expect(['a', 'b']).toContain(info.cluster?.name);
      } finally {
        await hc.close();
      }
    });
  });

  describe('negative control: the leaf with leafnode TLS off under a hub with it on', () => {
    let b: Boot | undefined;
    beforeAll(async () => {
      expect(lint(design(false)).map((p) => p.code)).toContain('TLS_LEAFNODE_MISMATCH');
      b = await boot('leaf-no-tls', design(false), { band, binary: server });
    });
    afterAll(async () => {
      await b?.cleanup();
    });

    it('forms no leafnode connection: the handshake fails on every attempt', async () => {
      const x = b!;
      const hub = x.servers.find((s) => s.cluster.name === 'a')!;
      // The attempt has been made and refused before we look at /leafz (the log shows the refusal first).
      await waitFor(x, 'a refused leafnode handshake in the hub log', async () =>
        /TLS leafnode handshake error|TLS Handshake Failure/i.test(await x.logTail(hub.name, 400)) ? [] : ['no refusal logged yet'],
      );
      const leafz = await x.monitor<{ leafnodes: number }>(hub, '/leafz');
      expect(leafz.leafnodes).toBe(0);
    });
  });
});
