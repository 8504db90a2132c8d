import { describe, expect, it } from 'vitest';
import { check } from './check';
import { budget } from '../budget/index';
import { lint } from '../lint/index';
import { sortProblems } from '../problems';
import { templateById } from '../templates/index';
import type { Topology } from '../model';

function noetl(change: (t: Topology) => void = () => {}): Topology {
  const t = templateById('noetl')!.topology();
  change(t);
  return t;
}

const onField = (t: Topology, cluster: string, field: string) =>
  check(t).filter((p) => p.target.kind === 'cluster' && p.target.cluster === cluster && p.target.field === field);

describe('check', () => {
  it('is the lint and the budget together, sorted', () => {
    const t = noetl((x) => (x.kind.cpus = 2));
    expect(check(t)).toEqual(sortProblems([...lint(t), ...budget(t).problems]));
    expect(check(t).some((p) => p.code === 'S2')).toBe(true);
  });

  it('reports a memory store above half its limit once: the lint owns the fact, the budget no longer says it', () => {
    // given 1536Mi of memory store under a 2Gi limit
    const t = noetl((x) => (x.clusters[0].jetstream = { memoryStore: '1536Mi' }));
    // then one problem on that field, a warning
    expect(onField(t, 'a', 'jetstream.memoryStore').map((p) => [p.code, p.severity])).toEqual([['MEMORY_STORE_HIGH', 'warning']]);
  });

  it('reports a memory store at the limit once, as an error', () => {
    const t = noetl((x) => (x.defaults.jetstream.memoryStore = '2Gi'));
    expect(onField(t, 'a', 'jetstream.memoryStore').map((p) => p.code)).toEqual(['MEMORY_STORE_EXCEEDS_LIMIT']);
  });

  it('reports a missing memory limit once', () => {
    const t = noetl((x) => (x.clusters[1].resources = { limits: { memory: null } }));
    expect(onField(t, 'b', 'resources.limits.memory').map((p) => p.code)).toEqual(['LIMIT_MISSING']);
  });
});
