import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { tlsGatewayMismatch } from './tls-gateway-mismatch';
import { factsOf } from '../../check/facts';

describe('tls-gateway-mismatch', () => {
  it('reports each cluster with gateway TLS off whose gateway system has it on elsewhere', () => {
    // given: a–b–c linked, TLS on gateways by default, c turns it off
    const t = topologyFrom({
      defaults: { tls: { gateways: true } },
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c', tls: { gateways: false } }],
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    // when
    const problems = tlsGatewayMismatch.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'TLS_GATEWAY_MISMATCH', severity: 'error', target: { kind: 'cluster', cluster: 'c', field: 'tls.gateways' } }),
    ]);
    expect(problems[0].message).toBe('cluster c has gateway TLS off but its gateway peers a and b require it: the gateways between them never form');
    expect(problems[0].fix).toBe('Turn on tls.gateways for c (or off for a and b); every cluster of a gateway system must agree.');
  });

  it('says when the off switch comes from the defaults', () => {
    // given: only a turns gateway TLS on
    const t = topologyFrom({ clusters: [{ name: 'a', tls: { gateways: true } }, { name: 'b' }], gateways: [['a', 'b']] });
    // when
    const problems = tlsGatewayMismatch.check(factsOf(t));
    // then
    expect(problems.map((p) => p.message)).toEqual([
      'cluster b has gateway TLS off (from defaults) but its gateway peer a requires it: the gateways between them never form',
    ]);
  });

  it('accepts a system that agrees, and clusters that are not linked', () => {
    // given
    const allOn = topologyFrom({ defaults: { tls: { gateways: true } }, clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    const apart = topologyFrom({ clusters: [{ name: 'a', tls: { gateways: true } }, { name: 'b' }] });
    const otherProtocols = topologyFrom({ clusters: [{ name: 'a', tls: { clients: true, routes: true } }, { name: 'b' }], gateways: [['a', 'b']] });
    // when / then
    expect(codes(tlsGatewayMismatch.check(factsOf(allOn)))).toEqual([]);
    expect(codes(tlsGatewayMismatch.check(factsOf(apart)))).toEqual([]);
    expect(codes(tlsGatewayMismatch.check(factsOf(otherProtocols)))).toEqual([]);
  });
});
