import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryTopology } from '../../../test/support/arbitrary';
import { hostileString } from '../../../test/support/hostile';
import { parseTopology } from '../parse/parse-topology';
import { TEMPLATES } from '../templates/index';
import type { Topology } from '../model';
import { renderLocalTarget } from '../local/local-target';
import { renderBundle } from './bundle';
import { bundleOutputSize, localOutputSize, outputSizeProblem } from './output-size';

const chars = (files: { content: string }[]) => files.reduce((n, f) => n + f.content.length, 0);

function design(data: Record<string, unknown>): Topology {
  const r = parseTopology({ version: 1, name: 'size', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const mesh = (n: number, replicas = 3) =>
  design({
    defaults: { replicas },
    clusters: Array.from({ length: n }, (_, i) => ({ name: `cluster-${i}` })),
    gateways: Array.from({ length: n - 1 }, (_, i) => [`cluster-${i}`, `cluster-${i + 1}`]),
  });

const users = (accounts: number, each: number, clusters: number) =>
  design({
    accounts: Array.from({ length: accounts }, (_, a) => ({ name: `ACCOUNT${a}`, users: Array.from({ length: each }, (_, u) => `user-${u}-of-${a}`) })),
    clusters: Array.from({ length: clusters }, (_, i) => ({ name: `c${i}`, replicas: 1 + (i % 5) })),
    gateways: clusters > 1 ? [['c0', 'c1']] : [],
  });

/** Hostile names rendered anyway: quoting makes them longer in some files. */
const hostile = fc
  .sample(fc.tuple(hostileString, hostileString, hostileString), { numRuns: 30, seed: 7 })
  .map(([a, u, c]) =>
    parseTopology({ version: 1, name: 'h', accounts: [{ name: a, users: [u, `${u}2`] }], clusters: [{ name: 'a' }, { name: c }], gateways: [['a', c]] }),
  );

const designs: [string, Topology][] = [
  ...TEMPLATES.map((t): [string, Topology] => [t.id, t.topology()]),
  ['mesh of 60', mesh(60)],
  ['mesh of 20 × 9 servers', mesh(20, 9)],
  ['2,000 users on 3 clusters', users(4, 500, 3)],
  ...fc.sample(arbitraryTopology(), { numRuns: 60, seed: 11 }).map((t, i): [string, Topology] => [`generated ${i}`, t]),
  ...hostile.flatMap((r, i): [string, Topology][] => (r.ok ? [[`hostile ${i}`, r.topology]] : [])),
  // Leaf links add env variables, a conf block and a README section.
  ...TEMPLATES.map((t): [string, Topology] => {
    const base = t.topology();
    return [
      `${t.id} with a leaf`,
      {
        ...base,
        jetstream: { ...base.jetstream, domain: 'hub' },
        clusters: [...base.clusters, { name: 'edge', region: null, zone: null, position: { x: 0, y: 0 }, domain: 'edge' }],
        leafnodes: [['edge', base.clusters[0].name]],
      },
    ];
  }),
  ['2,000 users with a leaf', { ...users(4, 500, 3), leafnodes: [['c2', 'c0']] }],
  // The switches add objects and README sections.
  ...TEMPLATES.map((t): [string, Topology] => [`${t.id} with monitoring and nats-box`, { ...t.topology(), monitoring: { exporter: true }, natsBox: true }]),
  ...hostile.flatMap((r, i): [string, Topology][] =>
    r.ok ? [[`hostile ${i} with monitoring and nats-box`, { ...r.topology, monitoring: { exporter: true }, natsBox: true }]] : [],
  ),
];

describe('the output size estimate', () => {
  it.each(designs)('is never below what %s renders, and at most about twice it', (_label, t) => {
    const k8s = chars(renderBundle(t));
    expect(bundleOutputSize(t).chars).toBeGreaterThanOrEqual(k8s);
    expect(bundleOutputSize(t).chars).toBeLessThanOrEqual(2.2 * k8s + 20_000);
    if (t.clusters.every((c) => /^[a-z0-9-]+$/.test(c.name))) {
      const local = chars(renderLocalTarget(t, undefined));
      expect(localOutputSize(t).chars).toBeGreaterThanOrEqual(local);
      expect(localOutputSize(t).chars).toBeLessThanOrEqual(2.2 * local + 20_000);
    }
  });

  it('counts user entries as confs × users, the system user included', () => {
    const t = users(2, 3, 4);
    expect(bundleOutputSize(t)).toMatchObject({ confs: 4, users: 7, userEntries: 28 });
    expect(localOutputSize(t)).toMatchObject({ confs: 1 + 2 + 3 + 4, userEntries: 70 });
  });

  it('refuses past either limit, and says which', () => {
    expect(outputSizeProblem(bundleOutputSize(mesh(60)))).toBeNull();
    expect(outputSizeProblem(bundleOutputSize(users(100, 1000, 500)))).toMatch(/user entries/);
    expect(outputSizeProblem(localOutputSize(mesh(200, 20)))).toMatch(/^the local target would be about \d+ MB of text/);
  });
});
