import { describe, expect, it } from 'vitest';
import { topologyFrom } from '../lint/testing';
import { changes } from './changes';
import { PROBLEM_CODES } from '../check/codes';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('changes', () => {
  const three = topologyFrom({
    clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
    gateways: [
      ['a', 'b'],
      ['b', 'c'],
    ],
  });

  it('says nothing when the design did not change in a way that needs a procedure', () => {
    const scaled = structuredClone(three);
    scaled.clusters[0].replicas = 5;
    scaled.clusters[0].jetstream = { memoryStore: '2Gi' };
    expect(changes(three, three)).toEqual([]);
    expect(changes(three, scaled)).toEqual([]);
  });

  it('says what switching monitoring or nats-box off leaves behind, and nothing when switching them on', () => {
    const on = { ...three, monitoring: { exporter: true as const }, natsBox: true as const };
    expect(changes(three, on)).toEqual([]);
    const off = changes(on, three);
    expect(off.map((p) => [p.code, p.target])).toEqual([
      ['CHANGE_SWITCHED_OFF', { kind: 'topology', field: 'monitoring.exporter' }],
      ['CHANGE_SWITCHED_OFF', { kind: 'topology', field: 'natsBox' }],
    ]);
    expect(off[0].fix).toBe(`After applying: kubectl delete podmonitor -n ${three.namespace} -l app.kubernetes.io/managed-by=nats-topology-designer`);
    expect(off[1].fix).toBe(`kubectl delete deployment -n ${three.namespace} nats-box`);
  });

  it('names a removed cluster, and guesses a rename', () => {
    const removed = { ...three, clusters: three.clusters.slice(0, 2), gateways: [['a', 'b']] as [string, string][] };
    const [p] = changes(three, removed);
    expect(p).toMatchObject({ code: 'CHANGE_CLUSTER_REMOVED', severity: 'warning', target: { kind: 'cluster', cluster: 'c' } });
    expect(p.message).toBe(
      'cluster c is gone from the design: applying leaves its 3 servers running, gatewayed to the others and voting in the JetStream meta group, and the streams placed there stay with them',
    );
    expect(p.fix).toContain('peer-remove');
    const renamed = structuredClone(three);
    renamed.clusters[2].name = 'd';
    renamed.gateways = [
      ['a', 'b'],
      ['b', 'd'],
    ];
    expect(changes(three, renamed)[0].message).toContain('(renamed to d? A rename is a new cluster: new pods, new volumes)');
  });

  it('warns when a cluster switches between standalone and clustered JetStream, both ways, by scaling or by linking', () => {
    const lone = topologyFrom({ defaults: { replicas: 1 }, clusters: [{ name: 'a' }] });
    const scaled = structuredClone(lone);
    scaled.clusters[0].replicas = 3;
    const linked = topologyFrom({ defaults: { replicas: 1 }, clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    expect(changes(lone, scaled).map((p) => p.message)).toEqual([
      'cluster a runs JetStream standalone (one server, no gateway links) and will run it clustered (3 servers): the two modes keep streams apart, so after the restart its streams answer "stream not found"',
    ]);
    expect(codes(changes(lone, linked))).toEqual(['CHANGE_JETSTREAM_MODE']);
    expect(codes(changes(scaled, lone))).toEqual(['CHANGE_JETSTREAM_MODE']);
    const off = { ...lone, jetstream: { enabled: false, domain: null } };
    expect(changes(off, { ...scaled, jetstream: { enabled: false, domain: null } })).toEqual([]);
  });

  it('warns about volume changes Kubernetes refuses, and a new namespace', () => {
    const bigger = structuredClone(three);
    bigger.defaults.jetstream.volumeSize = '50Gi';
    bigger.clusters[1].jetstream = { storageClass: 'fast' };
    expect(changes(three, bigger).map((p) => `${p.code} ${JSON.stringify(p.target)}`)).toEqual([
      'CHANGE_VOLUME {"kind":"cluster","cluster":"a","field":"jetstream.volumeSize"}',
      'CHANGE_VOLUME {"kind":"cluster","cluster":"b","field":"jetstream.storageClass"}',
      'CHANGE_VOLUME {"kind":"cluster","cluster":"b","field":"jetstream.volumeSize"}',
      'CHANGE_VOLUME {"kind":"cluster","cluster":"c","field":"jetstream.volumeSize"}',
    ]);
    expect(codes(changes(three, { ...three, namespace: 'elsewhere' }))).toEqual(['CHANGE_NAMESPACE']);
  });

  it('warns when a TLS switch of a running cluster flips, per protocol, and not for a new cluster', () => {
    const secured = structuredClone(three);
    secured.defaults.tls = { clients: false, routes: false, gateways: true, leafnodes: false };
    secured.clusters[0].tls = { routes: true };
    secured.clusters.push({ name: 'd', region: null, zone: null, position: { x: 0, y: 0 }, tls: { clients: true } });
    expect(changes(three, secured).map((p) => `${p.code} ${JSON.stringify(p.target)}`)).toEqual([
      'CHANGE_TLS {"kind":"cluster","cluster":"a","field":"tls.gateways"}',
      'CHANGE_TLS {"kind":"cluster","cluster":"a","field":"tls.routes"}',
      'CHANGE_TLS {"kind":"cluster","cluster":"b","field":"tls.gateways"}',
      'CHANGE_TLS {"kind":"cluster","cluster":"c","field":"tls.gateways"}',
    ]);
    const [gw] = changes(three, secured);
    expect(gw.message).toBe(
      'cluster a turns TLS on for gateways: while the pods roll, no gateway forms between restarted servers and peers that still run without gateway TLS, so cross-cluster traffic stops until every cluster has rolled',
    );
    expect(gw.fix).toContain('cert-manager installed first');
    expect(changes(secured, three).find((p) => p.target.kind === 'cluster' && p.target.field === 'tls.routes')!.message).toContain('turns TLS off for routes');
    const leafTls = structuredClone(three);
    leafTls.clusters[2].tls = { leafnodes: true };
    const [leaf] = changes(three, leafTls);
    expect(`${leaf.code} ${JSON.stringify(leaf.target)}`).toBe('CHANGE_TLS {"kind":"cluster","cluster":"c","field":"tls.leafnodes"}');
    expect(leaf.message).toContain('no leafnode connection forms');
    expect(leaf.fix).toContain('Flip each leaf and its hub in the same render');
  });

  it('warns when route and gateway auth is switched, and when a cluster moves to another Kubernetes cluster', () => {
    const auth = { ...three, security: { serverAuth: true, networkPolicy: false, restrictedPods: false } };
    expect(codes(changes(three, auth))).toEqual(['CHANGE_SERVER_AUTH']);
    expect(codes(changes(auth, three))).toEqual(['CHANGE_SERVER_AUTH']);
    // Other switches roll the pods but need nothing beyond kubectl apply.
    expect(codes(changes(three, { ...three, security: { serverAuth: false, networkPolicy: true, restrictedPods: true } }))).toEqual([]);
    const moved = { ...three, clusters: three.clusters.map((c, i) => (i === 1 ? { ...c, kubeContext: 'prod-west' } : c)) };
    const problems = changes(three, moved);
    expect(problems.map((p) => `${p.code} ${JSON.stringify(p.target)}`)).toEqual([
      'CHANGE_KUBE_CONTEXT {"kind":"cluster","cluster":"b","field":"kubeContext"}',
    ]);
    expect(problems[0].message).toContain('moves from the default Kubernetes cluster to kube context prod-west');
  });

  it("emits only the change codes of the registry, each with the registry's severity", () => {
    const all = [
      ...changes(three, { ...three, defaults: { ...three.defaults, tls: { clients: true, routes: false, gateways: false, leafnodes: false } } }),
      ...changes(three, { ...three, namespace: 'x', clusters: three.clusters.slice(0, 1), gateways: [] }),
      ...changes(three, { ...three, security: { serverAuth: true, networkPolicy: false, restrictedPods: false } }),
      ...changes(three, { ...three, clusters: three.clusters.map((c) => ({ ...c, kubeContext: 'k' })) }),
      ...changes(
        topologyFrom({ defaults: { replicas: 1 }, clusters: [{ name: 'a' }] }),
        topologyFrom({ clusters: [{ name: 'a' }], defaults: { jetstream: { volumeSize: '9Gi' } } }),
      ),
      ...changes({ ...three, natsBox: true }, three),
    ];
    const table = Object.entries(PROBLEM_CODES).filter(([, info]) => info.source === 'change');
    expect(new Set(codes(all))).toEqual(new Set(table.map(([code]) => code)));
    for (const p of all) expect(PROBLEM_CODES[p.code]).toMatchObject({ severity: p.severity, source: 'change', rule: 'changes' });
  });
});
