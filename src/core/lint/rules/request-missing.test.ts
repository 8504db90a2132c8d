import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { requestMissing } from './request-missing';
import { factsOf } from '../../check/facts';

describe('request-missing', () => {
  it('warns that pods without requests or limits are BestEffort', () => {
    // given
    const t = topologyFrom({ defaults: { resources: { requests: null, limits: null } } });
    // when
    const problems = requestMissing.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'REQUEST_MISSING', severity: 'warning', target: { kind: 'cluster', cluster: 'a', field: 'resources.requests.cpu' } }),
      expect.objectContaining({ code: 'REQUEST_MISSING', severity: 'warning', target: { kind: 'cluster', cluster: 'a', field: 'resources.requests.memory' } }),
    ]);
    expect(problems[0].message).toContain('BestEffort');
  });

  it('warns about one resource with neither request nor limit, without calling the pod BestEffort', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', resources: { requests: { cpu: null }, limits: { cpu: null } } }] });
    // when
    const problems = requestMissing.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['REQUEST_MISSING']);
    expect(problems[0].message).toBe('cluster a requests no CPU: the scheduler reserves none for its servers');
  });

  it('accepts a limit without a request, which Kubernetes uses as the request', () => {
    // given
    const t = topologyFrom({ defaults: { resources: { requests: null, limits: { cpu: '1', memory: '1Gi' } } } });
    // when / then
    expect(codes(requestMissing.check(factsOf(t)))).toEqual([]);
  });
});
