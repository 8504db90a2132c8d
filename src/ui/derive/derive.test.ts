import { describe, expect, it } from 'vitest';
import { budget, createBundleRenderer, lint, parseTopology, renderBundle, survivalStatement, templateById } from '../../core';
import { applyFieldEdit } from '../edits/field-edit';
import { createDeriver } from './derive';
import { cpuMillis } from '../../../test/support/cpu-time';

describe('derived output', () => {
  it('computes once per topology and matches the core exactly', () => {
    const t = templateById('noetl')!.topology();
    const { derive } = createDeriver(createBundleRenderer());
    const d = derive(t);
    expect(derive(t)).toBe(d);
    expect(d.files).toEqual(renderBundle(t));
    expect(d.budget).toEqual(budget(t));
    for (const p of lint(t)) expect(d.problems).toContainEqual(p);
    expect(d.failure).toBeNull();
  });

  it('summarizes problems per cluster with the worst severity', () => {
    const t = templateById('noetl')!.topology();
    const d = createDeriver(createBundleRenderer()).derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4 }, t.clusters[1]] });
    expect(d.byCluster.get('a')).toMatchObject({ worst: 'warning' });
  });
});

describe("a designer's deriver", () => {
  it('renders the same files as renderBundle, edit after edit, and keeps what did not change', () => {
    // Given a deriver that has seen a design
    const d = createDeriver(createBundleRenderer());
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

  it("gives the preview the bundle's paths and the shown file's content within the frame, the same as the full render's", async () => {
    // Given a deriver whose bundle renderer arrives later, as the designer's does
    let arrive = (_: ReturnType<typeof createBundleRenderer>) => {};
    const d = createDeriver(new Promise((resolve) => (arrive = resolve)));
    const t = templateById('three-region')!.topology();
    expect(d.live(t).paths).toEqual([]);
    expect(d.live(t).content('nats-conf/eu-west.conf')).toBeNull();

    // When it arrives, and a cluster's replicas change
    arrive(createBundleRenderer());
    await Promise.resolve();
    d.derive(t);
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'eu-west', field: 'replicas' }, '5');
    if (!r.ok) throw new Error(r.message);
    const live = d.live(r.topology);

    // Then the live bundle has renderBundle's paths and contents, and the same object for the same topology
    const expected = renderBundle(r.topology);
    expect(live.paths).toEqual(expected.map((f) => f.path));
    expect(live.content('nats-conf/eu-west.conf')).toBe(expected.find((f) => f.path === 'nats-conf/eu-west.conf')!.content);
    expect(live.content('README.md')).toBe(expected.find((f) => f.path === 'README.md')!.content);
    expect(live.content('nats-conf/nowhere.conf')).toBeNull();
    expect(live.tooLarge).toBeNull();
    expect(d.live(r.topology)).toBe(live);
    expect(d.derive(r.topology).files).toEqual(expected);
  });

  it('keeps the problem summaries while their counts stay, so the badges do not re-render', () => {
    const d = createDeriver(createBundleRenderer());
    const t = templateById('noetl')!.topology();
    const first = d.derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4 }, t.clusters[1]] });
    const second = d.derive({ ...t, clusters: [{ ...t.clusters[0], replicas: 4, region: 'eu-west-2' }, t.clusters[1]] });
    expect(second.byCluster.get('a')).toBe(first.byCluster.get('a'));
  });
});

describe('a design too large to render', () => {
  it('gets no files and the reason, at once, and its problems say so too', { timeout: 120_000 }, () => {
    // Given the design of an 11,885-character share link: 500 clusters, 100 accounts sharing 1,000 users
    const users = Array.from({ length: 1000 }, (_, i) => `user${i}`);
    const parsed = parseTopology({
      version: 1,
      name: 'huge',
      accounts: Array.from({ length: 100 }, (_, a) => ({ name: `A${a}`, users })),
      clusters: Array.from({ length: 500 }, (_, i) => ({ name: `c${i}` })),
    });
    if (!parsed.ok) throw new Error('does not parse');
    // When the designer derives what it shows
    const d = createDeriver(createBundleRenderer());
    const { result: out, millis } = cpuMillis(() => d.derive(parsed.topology));
    // Then nothing was rendered, the reason is there for the previews, and it all took moments, not minutes
    expect(millis).toBeLessThan(10_000);
    expect(out.files).toEqual([]);
    expect(d.files(parsed.topology)).toEqual([]);
    expect(d.live(parsed.topology)).toMatchObject({ paths: [], tooLarge: d.tooLarge(parsed.topology) });
    expect(d.tooLarge(parsed.topology)).toMatch(/500 confs/);
    expect(out.tooLarge).toBe(d.tooLarge(parsed.topology));
    expect(out.problems.map((p) => p.code)).toContain('OUTPUT_TOO_LARGE');
    expect(out.failure).toBeNull();
  });

  it('states what the design survives as the core does, the same object while the statement is unchanged', () => {
    const t = templateById('noetl')!.topology();
    const deriver = createDeriver(createBundleRenderer());
    const first = deriver.survival(t);
    expect(first).toEqual(survivalStatement(t));
    // An edit that changes no claim (a region) keeps the object; one that does (replicas) gives a new one
    const region = applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'region' }, 'eu-central-1');
    if (!region.ok) throw new Error(region.message);
    expect(deriver.survival(region.topology)).toBe(first);
    const replicas = applyFieldEdit(region.topology, { scope: 'cluster', id: 'a', field: 'replicas' }, '5');
    if (!replicas.ok) throw new Error(replicas.message);
    expect(deriver.survival(replicas.topology).details[1]).toBe('Cluster a (5 servers): a stream with 3 replicas there survives any 1 of them lost.');
  });
});
