import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { clusterNameUnique } from './cluster-name-unique';
import { factsOf } from '../../check/facts';

describe('cluster-name-unique', () => {
  it('reports a repeated cluster name once, with the count', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b' }, { name: 'a' }, { name: 'a' }] });
    // when
    const problems = clusterNameUnique.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'CLUSTER_NAME_DUPLICATE', severity: 'error', target: { kind: 'cluster', cluster: 'a', field: 'name' } }),
    ]);
    expect(problems[0].message).toContain('3 clusters are named "a"');
  });

  it('accepts distinct names', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b' }] });
    // when / then
    expect(codes(clusterNameUnique.check(factsOf(t)))).toEqual([]);
  });
});
