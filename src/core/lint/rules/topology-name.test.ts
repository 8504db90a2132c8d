import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { topologyName } from './topology-name';
import { factsOf } from '../../check/facts';

describe('topology-name', () => {
  it('reports upper case and underscores and suggests a label', () => {
    // given
    const t = topologyFrom({ name: 'My_Topology', namespace: 'nats' });
    // when
    const [p] = topologyName.check(factsOf(t));
    // then
    expect(p).toMatchObject({ code: 'TOPOLOGY_NAME_INVALID', severity: 'error', target: { kind: 'topology', field: 'name' } });
    expect(p.message).toContain('"My_Topology"');
    expect(p.fix).toContain('"my-topology"');
  });

  it('says the name is also the namespace when no namespace is set', () => {
    // given
    const t = topologyFrom({ name: '-bad' });
    // when
    const [p] = topologyName.check(factsOf(t));
    // then
    expect(p.message).toContain('the namespace');
    expect(p.message).toContain('start and end with a letter or digit');
  });

  it('reports a name longer than 63 characters', () => {
    // given
    const t = topologyFrom({ name: 'a'.repeat(64), namespace: 'nats' });
    // when / then
    expect(topologyName.check(factsOf(t))[0].message).toContain('64 characters long (at most 63)');
  });

  it('accepts a DNS-1123 label', () => {
    // given
    const t = topologyFrom({ name: 'noetl-supercluster' });
    // when / then
    expect(codes(topologyName.check(factsOf(t)))).toEqual([]);
  });
});
