import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { outputSize } from './output-size';
import { factsOf } from '../../check/facts';
import { cpuMillis } from '../../../../test/support/cpu-time';

const users = (accounts: number, each: number) =>
  Array.from({ length: accounts }, (_, a) => ({ name: `A${a}`, users: Array.from({ length: each }, (_, u) => `u${u}-of-${a}`) }));

describe('output-size', () => {
  it('reports a design whose confs would list too many users, before anything renders it', () => {
    // given 500 clusters and 100 accounts of 1,000 users: an 11,885-character share link that crashed the tab
    const t = topologyFrom({ accounts: users(100, 1000), clusters: Array.from({ length: 500 }, (_, i) => ({ name: `c${i}` })) });
    // when
    const facts = factsOf(t);
    const { result: problems, millis } = cpuMillis(() => outputSize.check(facts));
    // then
    expect(millis).toBeLessThan(1_000);
    expect(problems).toEqual([expect.objectContaining({ code: 'OUTPUT_TOO_LARGE', severity: 'error', target: { kind: 'topology' } })]);
    expect(problems[0].message).toMatch(
      /^the Kubernetes bundle would list 100001 users in each of 500 confs, 50000500 user entries in all; at most 200000 are rendered/,
    );
  });

  it('reports a design whose text alone would be too large', () => {
    const t = topologyFrom({ accounts: users(100, 1000), clusters: [{ name: 'a' }] });
    expect(outputSize.check(factsOf(t))[0]?.message).toMatch(/would be about \d+ MB of text; at most 32 MB/);
  });

  it('accepts the largest designs people draw', () => {
    // given 200 clusters in one gateway system, and one cluster with 10,000 users
    const mesh = topologyFrom({
      clusters: Array.from({ length: 200 }, (_, i) => ({ name: `c${i}` })),
      gateways: Array.from({ length: 199 }, (_, i) => [`c${i}`, `c${i + 1}`]),
    });
    const many = topologyFrom({ accounts: users(10, 1000), clusters: [{ name: 'a' }] });
    // when / then
    expect(codes(outputSize.check(factsOf(mesh)))).toEqual([]);
    expect(codes(outputSize.check(factsOf(many)))).toEqual([]);
  });
});
