import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { metaGroupSize } from './meta-group-size';
import { factsOf } from '../../check/facts';

describe('meta-group-size', () => {
  it('notes an even meta group across gateway-connected clusters', () => {
    // given: 2 × 3 servers joined by a gateway
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    // when
    const problems = metaGroupSize.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'JETSTREAM_META_GROUP_EVEN', severity: 'info', target: { kind: 'topology' } })]);
    expect(problems[0].message).toContain('clusters a and b form one JetStream meta group of 6 servers: it tolerates 2 failed servers, the same as 5');
  });

  it('counts each system separately', () => {
    // given: a–b sum to 4 (even), c alone is its own odd group
    const t = topologyFrom({
      clusters: [{ name: 'a', replicas: 1 }, { name: 'b' }, { name: 'c' }],
      gateways: [['a', 'b']],
    });
    // when
    const problems = metaGroupSize.check(factsOf(t));
    // then
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('meta group of 4 servers');
  });

  it('accepts an odd total', () => {
    // given: 3 × 3
    const t = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    // when / then
    expect(codes(metaGroupSize.check(factsOf(t)))).toEqual([]);
  });

  it('leaves a lone even cluster to jetstream-cluster-size', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', replicas: 4 }] });
    // when / then
    expect(codes(metaGroupSize.check(factsOf(t)))).toEqual([]);
  });

  it('says nothing when JetStream is off', () => {
    // given
    const t = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    // when / then
    expect(codes(metaGroupSize.check(factsOf(t)))).toEqual([]);
  });
});
