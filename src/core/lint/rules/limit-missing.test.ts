import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { limitMissing } from './limit-missing';
import { factsOf } from '../../check/facts';

describe('limit-missing', () => {
  it('warns about a missing memory limit and explains GOMEMLIMIT', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', resources: { limits: { memory: null } } }] });
    // when
    const problems = limitMissing.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'LIMIT_MISSING', severity: 'warning', target: { kind: 'cluster', cluster: 'a', field: 'resources.limits.memory' } }),
    ]);
    expect(problems[0].message).toContain('no GOMEMLIMIT is rendered');
    expect(problems[0].fix).toContain('equal to the request (512Mi)');
  });

  it('warns about missing limits inherited from defaults on every cluster', () => {
    // given
    const t = topologyFrom({ defaults: { resources: { limits: null } }, clusters: [{ name: 'a' }, { name: 'b' }] });
    // when
    const problems = limitMissing.check(factsOf(t));
    // then
    expect(problems.map((p) => p.target)).toEqual([
      { kind: 'cluster', cluster: 'a', field: 'resources.limits.cpu' },
      { kind: 'cluster', cluster: 'a', field: 'resources.limits.memory' },
      { kind: 'cluster', cluster: 'b', field: 'resources.limits.cpu' },
      { kind: 'cluster', cluster: 'b', field: 'resources.limits.memory' },
    ]);
    expect(problems[0].message).toContain('has no CPU limit (from defaults)');
  });

  it('accepts the default limits', () => {
    // given
    const t = topologyFrom();
    // when / then
    expect(codes(limitMissing.check(factsOf(t)))).toEqual([]);
  });
});
