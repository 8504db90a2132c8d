import { describe, expect, it } from 'vitest';
import { topologyFrom } from '../lint/testing';
import { TEMPLATES } from '../templates/index';
import type { Topology } from '../model';
import { survival, survivalStatement, tieBreaker } from './survival';

const survivalSummary = (t: Topology) => survivalStatement(t).summary;
const survivalDetails = (t: Topology) => survivalStatement(t).details;

describe('what a design survives', () => {
  it('says it of every template in one line', () => {
    expect(Object.fromEntries(TEMPLATES.map((t) => [t.id, survivalSummary(t.topology())]))).toEqual({
      noetl: ['Survives any 1 server of each cluster; not the loss of cluster a or cluster b: JetStream stops everywhere.'],
      single: ['Survives any 1 server of the cluster.'],
      five: ['Survives any 1 server of the cluster.'],
      'three-region': ['Survives any 1 server of each cluster; the loss of any one cluster.'],
      light: ['core NATS only: any server or cluster can be lost; clients of the others are not affected.'],
      'multi-region': [
        'cluster us-east, cluster eu-west and cluster ap-south: survives any 1 server of each cluster; the loss of any one cluster.',
        'cluster edge: one standalone JetStream server: its loss stops everything there until it is back.',
      ],
    });
  });

  it('keeps JetStream through the loss of a 3-server cluster with a 1-server tie-breaker', () => {
    const t = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c', replicas: 1 }],
      gateways: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
    });
    const [s] = survival(t);
    expect(s.meta).toEqual({ servers: 7, quorum: 4, tolerates: 3 });
    expect(s.clusterLoss.map((l) => [l.cluster, l.jetstreamContinues, l.metaLeft])).toEqual([
      ['a', true, 4],
      ['b', true, 4],
      ['c', true, 6],
    ]);
    expect(tieBreaker(s)).toBeNull();
    expect(survivalSummary(t)).toEqual([
      "Survives any 1 of cluster a's 3 servers; survives any 1 of cluster b's 3 servers; not the loss of any server of cluster c: its streams stop; the loss of any one cluster.",
    ]);
    expect(survivalDetails(t)).toContain(
      'Losing cluster a: JetStream continues in b and c (4 of 7 meta servers left, quorum 4); streams placed in a wait for it; core NATS keeps working between b and c.',
    );
  });

  it('counts the other clusters of a big system instead of naming each in every line, and names clusters through the caller', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const t = topologyFrom({ clusters: names.map((name) => ({ name })), gateways: names.slice(1).map((n): [string, string] => ['a', n]) });
    const details = survivalDetails(t);
    expect(details).toContain(
      'Losing cluster a: JetStream continues in the other 5 clusters (15 of 18 meta servers left, quorum 10); streams placed in a wait for it; core NATS keeps working between the other 5 clusters.',
    );
    // Four others are still named.
    const five = topologyFrom({ clusters: names.slice(0, 5).map((name) => ({ name })), gateways: names.slice(1, 5).map((n): [string, string] => ['a', n]) });
    expect(survivalDetails(five).find((d) => d.startsWith('Losing cluster a:'))).toContain('continues in b, c, d and e');
    // The statement names each cluster through the caller's function.
    const named = survivalStatement(five, (c) => `<${c}>`).details;
    expect(named.find((d) => d.startsWith('Losing cluster <a>:'))).toContain('continues in <b>, <c>, <d> and <e>');
  });

  it('speaks of each separate system, of a standalone server, and of core NATS alone', () => {
    const two = topologyFrom({ clusters: [{ name: 'a' }, { name: 'solo', replicas: 1 }] });
    expect(survivalSummary(two)).toEqual([
      'cluster a: survives any 1 server of the cluster.',
      'cluster solo: one standalone JetStream server: its loss stops everything there until it is back.',
    ]);
    const off = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    expect(survivalSummary(off)).toEqual(['core NATS only: any server or cluster can be lost; clients of the others are not affected.']);
  });

  it('sizes the tie-breaker for unequal clusters', () => {
    const t = topologyFrom({ clusters: [{ name: 'a', replicas: 5 }, { name: 'b' }], gateways: [['a', 'b']] });
    expect(tieBreaker(survival(t)[0])).toBe(3);
  });
});
