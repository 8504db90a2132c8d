import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { objectNameCollision } from './object-name-collision';
import { factsOf } from '../../check/facts';

describe('object-name-collision', () => {
  it("reports a cluster whose client Service is another cluster's headless Service", () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'a-headless' }] });
    // when
    const problems = objectNameCollision.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'OBJECT_NAME_COLLISION', severity: 'error', target: { kind: 'cluster', cluster: 'a-headless', field: 'name' } }),
    ]);
    expect(problems[0].message).toBe(
      'clusters a and a-headless both render a Service named nats-a-headless (the headless Service of a and the client Service of a-headless): one would replace the other',
    );
  });

  it('reports the collision whichever cluster comes first', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a-headless' }, { name: 'a' }] });
    // when / then
    expect(codes(objectNameCollision.check(factsOf(t)))).toEqual(['OBJECT_NAME_COLLISION']);
  });

  it('accepts names whose objects differ in kind (a and a-config)', () => {
    // given: nats-a-config is a's ConfigMap and a-config's StatefulSet and Service, which are different kinds
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'a-config' }] });
    // when / then
    expect(codes(objectNameCollision.check(factsOf(t)))).toEqual([]);
  });

  it('leaves exact duplicate names to cluster-name-unique', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'a' }] });
    // when / then
    expect(codes(objectNameCollision.check(factsOf(t)))).toEqual([]);
  });
});
