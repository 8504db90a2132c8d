import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { gatewayUnknownCluster } from './gateway-unknown-cluster';
import { factsOf } from '../../check/facts';

describe('gateway-unknown-cluster', () => {
  it('reports a link to a missing cluster and guesses the intended one', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'us-east' }, { name: 'eu-west' }], gateways: [['us-east', 'eu-wset']] });
    // when
    const problems = gatewayUnknownCluster.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'GATEWAY_UNKNOWN_CLUSTER', severity: 'error', target: { kind: 'gateway', clusters: ['us-east', 'eu-wset'] } }),
    ]);
    expect(problems[0].message).toContain('names cluster "eu-wset", which does not exist');
    expect(problems[0].fix).toContain('Did you mean "eu-west"?');
  });

  it('reports both ends when neither exists, and a self-link to a missing cluster once', () => {
    // given
    const t = topologyFrom({
      gateways: [
        ['x', 'y'],
        ['z', 'z'],
      ],
    });
    // when / then
    expect(codes(gatewayUnknownCluster.check(factsOf(t)))).toEqual(['GATEWAY_UNKNOWN_CLUSTER', 'GATEWAY_UNKNOWN_CLUSTER', 'GATEWAY_UNKNOWN_CLUSTER']);
  });

  it('accepts links between existing clusters', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    // when / then
    expect(codes(gatewayUnknownCluster.check(factsOf(t)))).toEqual([]);
  });
});
