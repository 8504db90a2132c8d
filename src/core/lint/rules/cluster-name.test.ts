import { describe, expect, it } from 'vitest';
import { MAX_CLUSTER_NAME } from '../../names';
import { codes, topologyFrom } from '../testing';
import { clusterName } from './cluster-name';
import { factsOf } from '../../check/facts';

describe('cluster-name', () => {
  it('reports a name that is not a DNS-1123 label', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'US_East' }] });
    // when
    const problems = clusterName.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'CLUSTER_NAME_INVALID', severity: 'error', target: { kind: 'cluster', cluster: 'US_East', field: 'name' } }),
    ]);
    expect(problems[0].fix).toContain('"us-east"');
  });

  it(`reports a name longer than ${MAX_CLUSTER_NAME} with the StatefulSet length`, () => {
    // given
    const name = 'c'.repeat(MAX_CLUSTER_NAME + 1);
    const t = topologyFrom({ clusters: [{ name }] });
    // when
    const problems = clusterName.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['CLUSTER_NAME_TOO_LONG']);
    expect(problems[0].message).toContain('would have 53');
  });

  it('reports both codes for a long name with invalid characters', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'X'.repeat(70) }] });
    // when / then
    expect(codes(clusterName.check(factsOf(t)))).toEqual(['CLUSTER_NAME_INVALID', 'CLUSTER_NAME_TOO_LONG']);
  });

  it(`accepts a label of exactly ${MAX_CLUSTER_NAME} characters`, () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b'.repeat(MAX_CLUSTER_NAME) }] });
    // when / then
    expect(codes(clusterName.check(factsOf(t)))).toEqual([]);
  });
});
