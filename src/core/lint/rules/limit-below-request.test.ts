import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { limitBelowRequest } from './limit-below-request';
import { factsOf } from '../../check/facts';

describe('limit-below-request', () => {
  it('reports a memory limit below its request, targeting the limit', () => {
    // given: the default 512Mi request with a 256Mi limit
    const t = topologyFrom({ clusters: [{ name: 'a', resources: { limits: { memory: '256Mi' } } }] });
    // when
    const problems = limitBelowRequest.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'LIMIT_BELOW_REQUEST', severity: 'error', target: { kind: 'cluster', cluster: 'a', field: 'resources.limits.memory' } }),
    ]);
    expect(problems[0].message).toBe(
      'cluster a has a memory limit of 256Mi, below its request of 512Mi (from defaults): Kubernetes refuses the pods, so no server starts',
    );
  });

  it('compares CPU in millicores', () => {
    // given: 0.5 < 750m
    const t = topologyFrom({ clusters: [{ name: 'a', resources: { requests: { cpu: '750m' }, limits: { cpu: '0.5' } } }] });
    // when / then
    expect(limitBelowRequest.check(factsOf(t)).map((p) => p.target)).toEqual([{ kind: 'cluster', cluster: 'a', field: 'resources.limits.cpu' }]);
  });

  it('accepts limits equal to requests and a request without a limit', () => {
    // given
    const t = topologyFrom({
      clusters: [
        { name: 'a', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1000m', memory: '1024Mi' } } },
        { name: 'b', resources: { limits: { cpu: null, memory: null } } },
      ],
    });
    // when / then
    expect(codes(limitBelowRequest.check(factsOf(t)))).toEqual([]);
  });
});
