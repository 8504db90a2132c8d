import { describe, expect, it } from 'vitest';
import { budget, lint, renderBundle, templateById } from '../../core';
import { derive } from './derive';

describe('derived output', () => {
  it('computes once per topology and matches the core exactly', () => {
    const t = templateById('noetl')!.topology();
    const d = derive(t);
    expect(derive(t)).toBe(d);
    expect(d.files).toEqual(renderBundle(t));
    expect(d.budget).toEqual(budget(t));
    for (const p of lint(t)) expect(d.problems).toContainEqual(p);
    expect(d.failure).toBeNull();
  });

  it('summarizes problems per cluster with the worst severity', () => {
    const t = templateById('noetl')!.topology();
    const d = derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4 }, t.clusters[1]] });
    expect(d.byCluster.get('a')).toMatchObject({ worst: 'warning' });
  });
});
