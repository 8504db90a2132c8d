import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { namespace } from './namespace';
import { factsOf } from '../../check/facts';

describe('namespace', () => {
  it('reports a namespace with a dot', () => {
    // given
    const t = topologyFrom({ namespace: 'nats.prod' });
    // when
    const problems = namespace.check(factsOf(t));
    // then
    expect(problems).toEqual([expect.objectContaining({ code: 'NAMESPACE_INVALID', severity: 'error', target: { kind: 'topology', field: 'namespace' } })]);
    expect(problems[0].fix).toContain('"nats-prod"');
  });

  it('leaves a defaulted namespace to the topology-name rule', () => {
    // given: no namespace, so it is the (invalid) topology name
    const t = topologyFrom({ name: 'Bad Name' });
    // when / then
    expect(codes(namespace.check(factsOf(t)))).toEqual([]);
  });

  it('accepts a valid namespace', () => {
    // given
    const t = topologyFrom({ namespace: 'nats-supercluster' });
    // when / then
    expect(codes(namespace.check(factsOf(t)))).toEqual([]);
  });
});
