import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { locationLabels } from './location-labels';
import { factsOf } from '../../check/facts';

describe('location-labels', () => {
  it('reports a region with spaces and a zone that is too long', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', region: 'us east 1', zone: 'z'.repeat(64) }] });
    // when
    const problems = locationLabels.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'LABEL_VALUE_INVALID', severity: 'error', target: { kind: 'cluster', cluster: 'a', field: 'region' } }),
      expect.objectContaining({ code: 'LABEL_VALUE_INVALID', severity: 'error', target: { kind: 'cluster', cluster: 'a', field: 'zone' } }),
    ]);
    expect(problems[0].fix).toContain('"us-east-1"');
    expect(problems[1].message).toContain('64 characters long');
  });

  it('reports a value ending in a dot', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', zone: 'eu-west-1a.' }] });
    // when / then
    expect(codes(locationLabels.check(factsOf(t)))).toEqual(['LABEL_VALUE_INVALID']);
  });

  it('accepts cloud region and zone names, mixed case and unset values', () => {
    // given
    const t = topologyFrom({
      clusters: [{ name: 'a', region: 'us-east-1', zone: 'us-east-1a' }, { name: 'b', region: 'West_Europe.2' }, { name: 'c' }],
    });
    // when / then
    expect(codes(locationLabels.check(factsOf(t)))).toEqual([]);
  });
});
