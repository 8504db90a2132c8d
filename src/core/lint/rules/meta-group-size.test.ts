import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { metaGroupSize } from './meta-group-size';
import { factsOf } from '../../check/facts';
import { check } from '../../check/check';

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

  it('computes the fix from the design: 30 clusters of 3 are told 89 or 91 servers, not a third cluster', () => {
    // given: 30 clusters of 3 in one chain of gateways: 90 servers
    const names = Array.from({ length: 30 }, (_, i) => `c${i}`);
    const t = topologyFrom({ clusters: names.map((name) => ({ name })), gateways: names.slice(1).map((n, i) => [names[i], n]) });
    // when
    const problems = check(t).filter((p) => p.code === 'JETSTREAM_META_GROUP_EVEN' || p.code === 'JETSTREAM_CLUSTER_LOSS');
    // then
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain('meta group of 90 servers');
    expect(problems[0].fix).toBe('Make the total odd (89 or 91 servers): an even meta group costs failure tolerance, not correctness.');
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
