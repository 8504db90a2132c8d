import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { gatewaySelfLink } from './gateway-self-link';
import { factsOf } from '../../check/facts';

describe('gateway-self-link', () => {
  it('reports a cluster linked to itself', () => {
    // given
    const t = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b' }],
      gateways: [
        ['a', 'b'],
        ['b', 'b'],
      ],
    });
    // when
    const problems = gatewaySelfLink.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'GATEWAY_SELF_LINK', severity: 'error', target: { kind: 'gateway', clusters: ['b', 'b'] } })]);
    expect(problems[0].message).toContain('links cluster b to itself');
  });

  it('accepts links between two clusters', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    // when / then
    expect(codes(gatewaySelfLink.check(factsOf(t)))).toEqual([]);
  });
});
