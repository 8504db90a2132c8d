import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { tlsLeafnodeMismatch } from './tls-leafnode-mismatch';
import { factsOf } from '../../check/facts';

const hubWithLeaves = (data: Record<string, unknown> = {}) =>
  topologyFrom({
    jetstream: { domain: 'hub' },
    clusters: [{ name: 'hub' }, { name: 'edge', domain: 'edge' }, { name: 'shop', domain: 'shop' }],
    leafnodes: [
      ['edge', 'hub'],
      ['shop', 'hub'],
    ],
    ...data,
  });

describe('tls-leafnode-mismatch', () => {
  it('reports a leaf with leafnode TLS off under a hub that has it on, saying the off comes from the defaults', () => {
    // given: the hub alone turns leafnode TLS on
    const t = hubWithLeaves({
      clusters: [
        { name: 'hub', tls: { leafnodes: true } },
        { name: 'edge', domain: 'edge' },
        { name: 'shop', domain: 'shop', tls: { leafnodes: true } },
      ],
    });
    // when
    const problems = tlsLeafnodeMismatch.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'TLS_LEAFNODE_MISMATCH', severity: 'error', target: { kind: 'cluster', cluster: 'edge', field: 'tls.leafnodes' } }),
    ]);
    expect(problems[0].message).toBe('cluster edge has leafnode TLS off (from defaults) but its hub hub uses it: the leafnode connection never forms');
    expect(problems[0].fix).toBe('Turn on tls.leafnodes for edge (or off for hub); a leaf and its hub must agree.');
  });

  it('reports a hub with leafnode TLS off once, naming every leaf that has it on', () => {
    // given
    const t = hubWithLeaves({
      defaults: { tls: { leafnodes: true } },
      clusters: [
        { name: 'hub', tls: { leafnodes: false } },
        { name: 'edge', domain: 'edge' },
        { name: 'shop', domain: 'shop' },
      ],
    });
    // when
    const problems = tlsLeafnodeMismatch.check(factsOf(t));
    // then
    expect(problems.map((p) => [p.target, p.message])).toEqual([
      [
        { kind: 'cluster', cluster: 'hub', field: 'tls.leafnodes' },
        'cluster hub has leafnode TLS off but its leaf edge and shop use it: the leafnode connection never forms',
      ],
    ]);
  });

  it('accepts links that agree, clusters without links, and other protocols', () => {
    // given
    const allOn = hubWithLeaves({ defaults: { tls: { leafnodes: true } } });
    const unlinked = topologyFrom({ clusters: [{ name: 'a', tls: { leafnodes: true } }, { name: 'b' }] });
    const otherProtocols = hubWithLeaves({ defaults: { tls: { gateways: true, clients: true } } });
    // when / then
    expect(codes(tlsLeafnodeMismatch.check(factsOf(allOn)))).toEqual([]);
    expect(codes(tlsLeafnodeMismatch.check(factsOf(unlinked)))).toEqual([]);
    expect(codes(tlsLeafnodeMismatch.check(factsOf(otherProtocols)))).toEqual([]);
  });
});
