/**
 * Generated designs for the property boots: connected gateway systems of 2–5 clusters of 1–5 servers, linked as a
 * chain, star, tree, ring or full mesh, JetStream on. Small clusters in the middle of chains and stars are the shapes
 * that once booted with two meta leaders, so they are common here.
 */
import fc from 'fast-check';
import { resolveCluster, type Topology } from '../../src/core/model';
import { shapeTopology } from './shapes';

export type LinkShape = 'chain' | 'star' | 'tree' | 'ring' | 'mesh';

export interface GeneratedDesign {
  /** e.g. `chain 3-1-3`. */
  label: string;
  topology: Topology;
}

/** Most servers a generated design may have: enough for every shape, bounded for a 2-core machine. */
const MAX_SERVERS = 15;

/** The index pairs a shape links among `n` clusters; `parents` picks each tree cluster's parent. */
export function links(n: number, shape: LinkShape, parents: number[] = []): [number, number][] {
  const all = Array.from({ length: n }, (_, i) => i);
  switch (shape) {
    case 'chain':
      return all.slice(1).map((i) => [i - 1, i]);
    case 'star':
      return all.slice(1).map((i) => [0, i]);
    case 'tree':
      // Each cluster after the first hangs off an earlier one.
      return all.slice(1).map((i) => [parents[i - 1] % i, i]);
    case 'ring':
      return n === 2 ? [[0, 1]] : all.map((i) => [i, (i + 1) % n]);
    case 'mesh':
      return all.flatMap((i) => all.slice(i + 1).map((j): [number, number] => [i, j]));
  }
}

const arbitraryDesign: fc.Arbitrary<GeneratedDesign> = fc
  .record({
    shape: fc.constantFrom<LinkShape>('chain', 'star', 'tree', 'ring', 'mesh'),
    replicas: fc.array(fc.constantFrom(1, 1, 2, 3, 3, 4, 5), { minLength: 2, maxLength: 5 }),
    parents: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    domain: fc.option(fc.constant('hub'), { nil: null }),
  })
  .filter((r) => r.replicas.reduce((a, b) => a + b, 0) <= MAX_SERVERS)
  .map((r) => {
    const t = shapeTopology({ id: 'gen', clusters: r.replicas.length, replicas: 1, links: 'none', domain: r.domain });
    const names = t.clusters.map((c) => c.name);
    t.clusters = t.clusters.map((c, i) => ({ ...c, replicas: r.replicas[i] }));
    t.gateways = links(names.length, r.shape, r.parents).map(([a, b]): [string, string] => [names[a], names[b]]);
    const sizes = t.clusters.map((c) => resolveCluster(t, c).replicas).join('-');
    t.name = `gen-${r.shape}-${sizes}`;
    t.namespace = t.name;
    return { label: `${r.shape} ${sizes}`, topology: t };
  });

/** `count` designs from a fixed seed: the same list on every run. */
export function generatedDesigns(count: number, seed: number): GeneratedDesign[] {
  return fc.sample(arbitraryDesign, { numRuns: count, seed });
}
