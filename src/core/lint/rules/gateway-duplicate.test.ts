import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { gatewayDuplicate } from './gateway-duplicate';
import { factsOf } from '../../check/facts';

const clusters = [{ name: 'a' }, { name: 'b' }, { name: 'c' }];

describe('gateway-duplicate', () => {
  it('reports a link given again in reverse', () => {
    // given
    const t = topologyFrom({
      clusters,
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
        ['b', 'a'],
      ],
    });
    // when
    const problems = gatewayDuplicate.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'GATEWAY_DUPLICATE', severity: 'warning', target: { kind: 'gateway', clusters: ['a', 'b'] } })]);
    expect(problems[0].message).toBe('gateway a–b is listed 2 times, also as [b, a]: links have no direction, so the extra entries do nothing');
  });

  it('reports the same link given twice once', () => {
    // given
    const t = topologyFrom({
      clusters,
      gateways: [
        ['a', 'b'],
        ['a', 'b'],
        ['a', 'b'],
      ],
    });
    // when
    const problems = gatewayDuplicate.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['GATEWAY_DUPLICATE']);
    expect(problems[0].message).toContain('listed 3 times:');
  });

  it('accepts distinct links and leaves repeated self-links to gateway-self-link', () => {
    // given
    const t = topologyFrom({
      clusters,
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'c'],
        ['c', 'c'],
      ],
    });
    // when / then
    expect(codes(gatewayDuplicate.check(factsOf(t)))).toEqual([]);
  });
});
