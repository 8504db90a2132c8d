import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { jetstreamClusterSize, tolerated } from './jetstream-cluster-size';
import { factsOf } from '../../check/facts';

describe('jetstream-cluster-size', () => {
  it('warns that one server tolerates no failure, targeting replicas', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', replicas: 1 }] });
    // when
    const problems = jetstreamClusterSize.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'JETSTREAM_CLUSTER_TOO_SMALL', severity: 'warning', target: { kind: 'cluster', cluster: 'a', field: 'replicas' } }),
    ]);
    expect(problems[0].message).toMatch(/^cluster a has 1 server: no JetStream quorum can survive a failure there/);
  });

  it('warns that two servers lose quorum on one failure', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', replicas: 2 }] });
    // when
    const [p] = jetstreamClusterSize.check(factsOf(t));
    // then
    expect(p.code).toBe('JETSTREAM_CLUSTER_TOO_SMALL');
    expect(p.message).toContain('one failed server stops it');
  });

  it('warns that four servers tolerate the same one failure as three, and says it comes from defaults', () => {
    // given
    const t = topologyFrom({ defaults: { replicas: 4 }, clusters: [{ name: 'b' }] });
    // when
    const [p] = jetstreamClusterSize.check(factsOf(t));
    // then
    expect(p).toMatchObject({ code: 'JETSTREAM_CLUSTER_EVEN', target: { kind: 'cluster', cluster: 'b', field: 'replicas' } });
    expect(p.message).toBe(
      'cluster b has 4 servers (from defaults): an even JetStream quorum (3 of 4) tolerates 1 failed server, the same as 3, with one more server to replicate to and to run',
    );
    expect(p.fix).toBe('Use 3 or 5 replicas.');
  });

  it('accepts odd clusters of 3 or more', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a' }, { name: 'b', replicas: 5 }, { name: 'c', replicas: 7 }] });
    // when / then
    expect(codes(jetstreamClusterSize.check(factsOf(t)))).toEqual([]);
  });

  it('says nothing about replicas when JetStream is off', () => {
    // given
    const t = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a', replicas: 2 }] });
    // when / then
    expect(codes(jetstreamClusterSize.check(factsOf(t)))).toEqual([]);
  });

  it('counts tolerated failures as a RAFT majority does', () => {
    // given / when / then
    expect([1, 2, 3, 4, 5, 6].map(tolerated)).toEqual([0, 0, 1, 1, 2, 2]);
  });
});
