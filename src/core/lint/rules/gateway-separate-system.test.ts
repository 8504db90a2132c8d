import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { gatewaySeparateSystem } from './gateway-separate-system';
import { factsOf } from '../../check/facts';

describe('gateway-separate-system', () => {
  it('reports clusters that no gateway joins to the rest', () => {
    // given: a–b–c linked, d–e linked to each other only
    const t = topologyFrom({
      clusters: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name })),
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
        ['d', 'e'],
      ],
    });
    // when
    const problems = gatewaySeparateSystem.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'GATEWAY_SEPARATE_SYSTEM', severity: 'warning', target: { kind: 'cluster', cluster: 'd' } })]);
    expect(problems[0].message).toBe(
      'clusters d and e are a separate system: no gateway path joins them to a, b and c, so no messages cross between them and each side elects its own JetStream meta leader',
    );
    expect(problems[0].fix).toContain('[d, a]');
  });

  it('reports each unlinked cluster of a topology without gateways', () => {
    // given
    const t = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] });
    // when
    const problems = gatewaySeparateSystem.check(factsOf(t));
    // then
    expect(problems.map((p) => p.message)).toEqual([
      'cluster b is a separate system: no gateway path joins it to a, so no messages cross between them',
      'cluster c is a separate system: no gateway path joins it to a, so no messages cross between them',
    ]);
  });

  it('accepts a single cluster and a connected supercluster', () => {
    // given
    const single = topologyFrom();
    const chain = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      gateways: [
        ['a', 'b'],
        ['c', 'b'],
      ],
    });
    // when / then
    expect(codes(gatewaySeparateSystem.check(factsOf(single)))).toEqual([]);
    expect(codes(gatewaySeparateSystem.check(factsOf(chain)))).toEqual([]);
  });
});
