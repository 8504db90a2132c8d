import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbitraryTopology } from '../../../test/support/arbitrary';
import { meshTopology } from '../../../bench/topologies';
import type { Cluster, Topology } from '../model';
import { renderBundle } from './bundle';
import { createBundleRenderer } from './incremental';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);

/** One edit a designer can make, with indices taken modulo the current number of clusters or links. */
const arbitraryEdit = fc.oneof(
  fc.record({ kind: fc.constant('replicas' as const), at: fc.nat(), replicas: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }) }),
  fc.record({ kind: fc.constant('region' as const), at: fc.nat(), region: fc.option(fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-1'), { nil: null }) }),
  fc.record({ kind: fc.constant('zone' as const), at: fc.nat(), zone: fc.option(fc.constantFrom('a', 'b'), { nil: null }) }),
  fc.record({
    kind: fc.constant('resources' as const),
    at: fc.nat(),
    cpu: fc.option(fc.constantFrom('250m', '1', '2'), { nil: null }),
    memory: fc.option(fc.constantFrom('512Mi', '2Gi'), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('cluster-jetstream' as const),
    at: fc.nat(),
    fileStore: fc.constantFrom('256Mi', '1Gi'),
    storageClass: fc.option(fc.constantFrom('standard', 'fast'), { nil: null }),
  }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: label, relink: fc.boolean() }),
  fc.record({ kind: fc.constant('add-cluster' as const), name: label, linkTo: fc.nat() }),
  fc.record({ kind: fc.constant('remove-cluster' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('add-link' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('remove-link' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), x: fc.integer({ min: -500, max: 2000 }) }),
  fc.record({ kind: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('name' as const), name: label, namespace: fc.option(label, { nil: undefined }) }),
  fc.record({ kind: fc.constant('image' as const), image: fc.constantFrom('nats:2.14.2-alpine', 'nats:2.10.29', 'registry.example/nats:2.14.2') }),
  fc.record({ kind: fc.constant('jetstream' as const), enabled: fc.boolean(), domain: fc.option(fc.constantFrom('hub', 'edge'), { nil: null }) }),
  fc.record({
    kind: fc.constant('account' as const),
    name: fc.constantFrom('APP', 'ORDERS'),
    jetstream: fc.boolean(),
    users: fc.uniqueArray(fc.constantFrom('alice', 'bob', 'carol'), { maxLength: 2 }),
  }),
  fc.record({
    kind: fc.constant('defaults' as const),
    replicas: fc.integer({ min: 1, max: 5 }),
    memoryLimit: fc.constantFrom('2Gi', '4Gi'),
    memoryStore: fc.constantFrom('256Mi', '512Mi'),
  }),
  fc.record({ kind: fc.constant('kind' as const), workers: fc.integer({ min: 0, max: 3 }) }),
);

type Edit = typeof arbitraryEdit extends fc.Arbitrary<infer E> ? E : never;

/** Applies an edit the way the designer's store does: a new topology, the old one untouched. */
function applyEdit(t: Topology, e: Edit): Topology {
  const n = t.clusters.length;
  const withCluster = (at: number, change: (c: Cluster) => Cluster): Topology =>
    n === 0 ? t : { ...t, clusters: t.clusters.map((c, i) => (i === at % n ? change({ ...c }) : c)) };
  switch (e.kind) {
    case 'replicas':
      return withCluster(e.at, (c) => {
        if (e.replicas === undefined) delete c.replicas;
        else c.replicas = e.replicas;
        return c;
      });
    case 'region':
      return withCluster(e.at, (c) => ({ ...c, region: e.region }));
    case 'zone':
      return withCluster(e.at, (c) => ({ ...c, zone: e.zone }));
    case 'resources':
      return withCluster(e.at, (c) => ({ ...c, resources: { requests: { cpu: e.cpu }, limits: { memory: e.memory } } }));
    case 'cluster-jetstream':
      return withCluster(e.at, (c) => ({ ...c, jetstream: { fileStore: e.fileStore, storageClass: e.storageClass } }));
    case 'rename': {
      if (n === 0) return t;
      const old = t.clusters[e.at % n].name;
      // Renaming may collide with another cluster; links follow the rename only when the designer relinks them.
      const gateways = e.relink ? t.gateways.map(([a, b]): [string, string] => [a === old ? e.name : a, b === old ? e.name : b]) : t.gateways;
      return { ...withCluster(e.at, (c) => ({ ...c, name: e.name })), gateways };
    }
    case 'add-cluster': {
      const cluster: Cluster = { name: e.name, region: null, zone: null, position: { x: 0, y: 0 } };
      const gateways: [string, string][] = n === 0 ? t.gateways : [...t.gateways, [t.clusters[e.linkTo % n].name, e.name]];
      return { ...t, clusters: [...t.clusters, cluster], gateways };
    }
    case 'remove-cluster': {
      if (n === 0) return t;
      const gone = t.clusters[e.at % n].name;
      return { ...t, clusters: t.clusters.filter((_, i) => i !== e.at % n), gateways: t.gateways.filter(([a, b]) => a !== gone && b !== gone) };
    }
    case 'add-link':
      return n === 0 ? t : { ...t, gateways: [...t.gateways, [t.clusters[e.a % n].name, t.clusters[e.b % n].name]] };
    case 'remove-link':
      return t.gateways.length === 0 ? t : { ...t, gateways: t.gateways.filter((_, i) => i !== e.at % t.gateways.length) };
    case 'move':
      return withCluster(e.at, (c) => ({ ...c, position: { x: e.x, y: c.position.y } }));
    case 'swap': {
      if (n === 0) return t;
      const clusters = [...t.clusters];
      [clusters[e.a % n], clusters[e.b % n]] = [clusters[e.b % n], clusters[e.a % n]];
      return { ...t, clusters };
    }
    case 'name':
      return { ...t, name: e.name, namespace: e.namespace ?? t.namespace };
    case 'image':
      return { ...t, image: e.image };
    case 'jetstream':
      return { ...t, jetstream: { enabled: e.enabled, domain: e.domain } };
    case 'account': {
      const others = t.accounts.filter((a) => a.name !== e.name);
      return { ...t, accounts: [...others, { name: e.name, jetstream: e.jetstream, users: e.users }] };
    }
    case 'defaults':
      return {
        ...t,
        defaults: {
          replicas: e.replicas,
          resources: { requests: t.defaults.resources.requests, limits: { ...t.defaults.resources.limits, memory: e.memoryLimit } },
          jetstream: { ...t.defaults.jetstream, memoryStore: e.memoryStore },
          tls: t.defaults.tls,
        },
      };
    case 'kind':
      return { ...t, kind: { ...t.kind, workers: e.workers } };
  }
}

function withReplicas(t: Topology, name: string, replicas: number): Topology {
  return { ...t, clusters: t.clusters.map((c) => (c.name === name ? { ...c, replicas } : c)) };
}

describe('the incremental bundle renderer', () => {
  it('renders the same bytes as renderBundle after every edit of a sequence', () => {
    fc.assert(
      fc.property(arbitraryTopology(), fc.array(fc.tuple(arbitraryEdit, fc.boolean()), { minLength: 1, maxLength: 15 }), (start, edits) => {
        const renderer = createBundleRenderer();
        let topology = start;
        expect(renderer.render(topology)).toEqual(renderBundle(topology));
        for (const [edit, withPasswords] of edits) {
          topology = applyEdit(topology, edit);
          const options = withPasswords
            ? {
                passwords: new Map([
                  ['sys', 'Sys0password12'],
                  ['alice', 'Alice0password1'],
                ]),
              }
            : {};
          expect(renderer.render(topology, options)).toEqual(renderBundle(topology, options));
        }
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it('plans the same paths and contents as renderBundle, edit after edit, asked in any order between renders', () => {
    fc.assert(
      fc.property(arbitraryTopology(), fc.array(fc.tuple(arbitraryEdit, fc.boolean(), fc.nat()), { minLength: 1, maxLength: 12 }), (start, edits) => {
        const renderer = createBundleRenderer();
        let topology = start;
        renderer.render(topology);
        for (const [edit, render, first] of edits) {
          topology = applyEdit(topology, edit);
          const expected = renderBundle(topology);
          const plan = renderer.plan(topology);
          expect(plan.paths).toEqual(expected.map((f) => f.path));
          // One file first, as the preview asks, then the rest
          const at = first % expected.length;
          expect(plan.content(expected[at].path)).toBe(expected[at].content);
          expect(expected.map((f) => plan.content(f.path))).toEqual(expected.map((f) => f.content));
          expect(plan.content('no/such/file.yaml')).toBeUndefined();
          if (render) expect(renderer.render(topology)).toEqual(expected);
        }
      }),
      { numRuns: 100, seed: 20261202 },
    );
  });

  it("renders one cluster's files for a plan asked for that cluster's conf, and the next render reuses them", () => {
    // Given a warm renderer over 20 fully meshed clusters
    const renderer = createBundleRenderer();
    const mesh = meshTopology(20);
    renderer.render(mesh);

    // When one cluster scales, and the preview asks for its conf alone
    const scaled = withReplicas(mesh, 'c007', 5);
    const plan = renderer.plan(scaled);
    const rendered = renderBundle(scaled);
    expect(plan.content('nats-conf/c007.conf')).toBe(rendered.find((f) => f.path === 'nats-conf/c007.conf')!.content);

    // Then the full render that follows renders nothing again
    expect(renderer.render(scaled)).toEqual(rendered);
    expect(renderer.stats()).toEqual({ rendered: 0, reused: 20 });
  });

  it('renders only the edited cluster when one cluster of a full mesh changes its replicas', () => {
    // Given a warm renderer over 20 fully meshed clusters
    const renderer = createBundleRenderer();
    const mesh = meshTopology(20);
    renderer.render(mesh);
    expect(renderer.stats()).toEqual({ rendered: 20, reused: 0 });

    // When one cluster scales
    const scaled = withReplicas(mesh, 'c007', 5);
    const files = renderer.render(scaled);

    // Then only that cluster is rendered: the others reach it through its Service name, not its pods
    expect(renderer.stats()).toEqual({ rendered: 1, reused: 19 });
    expect(files).toEqual(renderBundle(scaled));
  });

  it('renders every cluster of a system when one of them is renamed (each gateway block names them all), and everything when a shared input changes', () => {
    // Given a warm renderer over a chain a–b–c–d
    const base = meshTopology(4);
    const chain: Topology = {
      ...base,
      gateways: [
        ['c000', 'c001'],
        ['c001', 'c002'],
        ['c002', 'c003'],
      ],
    };
    const renderer = createBundleRenderer();
    renderer.render(chain);

    // When c003 is renamed (with its link), then when the namespace changes
    const renamed: Topology = {
      ...chain,
      clusters: chain.clusters.map((c) => (c.name === 'c003' ? { ...c, name: 'tail' } : c)),
      gateways: [
        ['c000', 'c001'],
        ['c001', 'c002'],
        ['c002', 'tail'],
      ],
    };
    renderer.render(renamed);
    const renamedStats = renderer.stats();
    renderer.render({ ...renamed, namespace: 'elsewhere' });

    // Then the rename renders all four: every conf of the system lists tail; so does the namespace change
    expect(renamedStats).toEqual({ rendered: 4, reused: 0 });
    expect(renderer.stats()).toEqual({ rendered: 4, reused: 0 });
  });

  it('renders only the clusters of the system that changed when a design holds two systems', () => {
    // Given a warm renderer over two systems, c000–c001 and c002–c003
    const base = meshTopology(4);
    const two: Topology = {
      ...base,
      gateways: [
        ['c000', 'c001'],
        ['c002', 'c003'],
      ],
    };
    const renderer = createBundleRenderer();
    renderer.render(two);

    // When c003 is renamed (with its link)
    const renamed: Topology = {
      ...two,
      clusters: two.clusters.map((c) => (c.name === 'c003' ? { ...c, name: 'tail' } : c)),
      gateways: [
        ['c000', 'c001'],
        ['c002', 'tail'],
      ],
    };
    const files = renderer.render(renamed);

    // Then only its own system is rendered again
    expect(renderer.stats()).toEqual({ rendered: 2, reused: 2 });
    expect(files).toEqual(renderBundle(renamed));
  });

  it('keeps reusing nothing stale when a render of the same topology repeats', () => {
    const renderer = createBundleRenderer();
    const t = meshTopology(3);
    const first = renderer.render(t);
    expect(renderer.render(t)).toEqual(first);
    expect(renderer.stats()).toEqual({ rendered: 0, reused: 3 });
  });
});
