import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { topologyEmpty } from './topology-empty';
import { factsOf } from '../../check/facts';

describe('topology-empty', () => {
  it('reports a topology without clusters as an error', () => {
    // given
    const t = topologyFrom({ clusters: [] });
    // when
    const problems = topologyEmpty.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'TOPOLOGY_EMPTY', severity: 'error', target: { kind: 'topology' } })]);
    expect(problems[0].message).toContain('demo has no clusters');
  });

  it('accepts a topology with one cluster', () => {
    // given
    const t = topologyFrom();
    // when / then
    expect(codes(topologyEmpty.check(factsOf(t)))).toEqual([]);
  });
});
