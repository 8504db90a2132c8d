import { describe, expect, it } from 'vitest';
import { budget, lint, renderBundle, templateById } from '../../core';
import { applyFieldEdit } from '../edits/field-edit';
import { createDeriver } from './derive';

describe('derived output', () => {
  it('computes once per topology and matches the core exactly', () => {
    const t = templateById('noetl')!.topology();
    const { derive } = createDeriver();
    const d = derive(t);
    expect(derive(t)).toBe(d);
    expect(d.files).toEqual(renderBundle(t));
    expect(d.budget).toEqual(budget(t));
    for (const p of lint(t)) expect(d.problems).toContainEqual(p);
    expect(d.failure).toBeNull();
  });

  it('summarizes problems per cluster with the worst severity', () => {
    const t = templateById('noetl')!.topology();
    const d = createDeriver().derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4 }, t.clusters[1]] });
    expect(d.byCluster.get('a')).toMatchObject({ worst: 'warning' });
  });
});

describe("a designer's deriver", () => {
  it('renders the same files as renderBundle, edit after edit, and keeps what did not change', () => {
    // Given a deriver that has seen a design
    const d = createDeriver();
    const t = templateById('three-region')!.topology();
    const first = d.derive(t);
    expect(first.files).toEqual(renderBundle(t));

    // When one cluster's replicas change
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'eu-west', field: 'replicas' }, '5');
    if (!r.ok) throw new Error(r.message);
    const files = d.files(r.topology);

    // Then the files are renderBundle's, the other clusters' files are the very same objects, and derive agrees
    expect(files).toEqual(renderBundle(r.topology));
    const byPath = new Map(first.files.map((f) => [f.path, f]));
    for (const path of ['nats-conf/us-east.conf', 'clusters/us-east.yaml', 'nats-conf/ap-south.conf']) {
      expect(files.find((f) => f.path === path)).toBe(byPath.get(path));
    }
    expect(files.find((f) => f.path === 'nats-conf/eu-west.conf')).not.toBe(byPath.get('nats-conf/eu-west.conf'));
    expect(d.derive(r.topology).files).toBe(files);
  });

  it('keeps the problem summaries while their counts stay, so the badges do not re-render', () => {
    const d = createDeriver();
    const t = templateById('noetl')!.topology();
    const first = d.derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4 }, t.clusters[1]] });
    const second = d.derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4, region: 'eu-west-2' }, t.clusters[1]] });
    expect(second.byCluster.get('a')).toBe(first.byCluster.get('a'));
  });
});
