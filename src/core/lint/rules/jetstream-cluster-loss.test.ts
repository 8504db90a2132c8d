import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { jetstreamClusterLoss } from './jetstream-cluster-loss';
import { factsOf } from '../../check/facts';

describe('jetstream-cluster-loss', () => {
  it('warns when two clusters split the meta group evenly, with a 1-server tie-breaker as the fix', () => {
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    const [p] = jetstreamClusterLoss.check(factsOf(t));
    expect(p).toMatchObject({ code: 'JETSTREAM_CLUSTER_LOSS', severity: 'warning', target: { kind: 'topology' } });
    expect(p.message).toBe(
      "losing either of clusters a and b stops JetStream in every cluster: 3 of the meta group's 6 servers would be left, and a quorum needs 4",
    );
    expect(p.fix).toMatch(/^Add a cluster of 1 server /);
  });

  it('names only the cluster whose loss is fatal, and sizes the tie-breaker for it', () => {
    const t = topologyFrom({ clusters: [{ name: 'big', replicas: 5 }, { name: 'small' }], gateways: [['big', 'small']] });
    const [p] = jetstreamClusterLoss.check(factsOf(t));
    expect(p.target).toEqual({ kind: 'cluster', cluster: 'big' });
    expect(p.fix).toMatch(/^Add a cluster of 3 servers /);
  });

  it('accepts 3, 3 and 1; three equal clusters; one cluster; and designs without JetStream', () => {
    const fixed = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c', replicas: 1 }],
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    const three = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    const off = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    for (const t of [fixed, three, topologyFrom(), off]) expect(codes(jetstreamClusterLoss.check(factsOf(t)))).toEqual([]);
  });
});
