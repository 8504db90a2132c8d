import type { Cluster, Topology } from '../../core';

/**
 * Canvas identities of clusters. A cluster keeps its id for the session whatever its name becomes: the selection,
 * the inspector's form, the canvas node and a field's undo step all hang on it, so a rename typed key by key moves
 * none of them. A cluster seen for the first time is given its name as its id (`name#2` when that id is taken, as
 * for a repeated name in an imported file), so a design just opened has the ids its names suggest.
 *
 * Ids belong to a `clusters` array (topologies are immutable, and an edit shares the arrays it leaves alone). An
 * edit that knows which cluster became which says so (`withClusterIds`); for any other new design the store carries
 * the ids over from the design it replaces (`carryClusterIds`).
 *
 * The tables below are side tables of those immutable arrays, like a hidden property: every designer that holds an
 * array sees the same ids for it, and they go with the array. No designer's state lives here.
 */
type Clusters = readonly Cluster[];

/** Ids fixed by an edit or carried over by the store. */
const assigned = new WeakMap<Clusters, string[]>();
/** Ids of an array never assigned any: from the names alone, so computing them again gives the same. */
const firstSight = new WeakMap<Clusters, string[]>();
const indexes = new WeakMap<string[], Map<string, number>>();

export function clusterIds(t: Pick<Topology, 'clusters'>): string[] {
  const known = assigned.get(t.clusters);
  if (known) return known;
  let ids = firstSight.get(t.clusters);
  if (!ids) {
    const taken = new Set<string>();
    ids = t.clusters.map((c) => freshId(c.name, taken));
    firstSight.set(t.clusters, ids);
  }
  return ids;
}

/** Index of the cluster with canvas id `id`, or -1. */
export function clusterIndex(t: Pick<Topology, 'clusters'>, id: string): number {
  const ids = clusterIds(t);
  let index = indexes.get(ids);
  if (!index) {
    index = new Map(ids.map((cid, i) => [cid, i]));
    indexes.set(ids, index);
  }
  return index.get(id) ?? -1;
}

/** The name of the cluster with canvas id `id`. */
export function clusterName(t: Pick<Topology, 'clusters'>, id: string): string | undefined {
  return t.clusters[clusterIndex(t, id)]?.name;
}

/** The canvas id of the first cluster named `name`: links and problems name clusters, the canvas needs ids. */
export function clusterIdOf(t: Pick<Topology, 'clusters'>, name: string): string | undefined {
  const i = t.clusters.findIndex((c) => c.name === name);
  return i < 0 ? undefined : clusterIds(t)[i];
}

/** Records the ids of `t`'s clusters, in order, as an edit that knows them decided. Returns `t`. */
export function withClusterIds<T extends Pick<Topology, 'clusters'>>(t: T, ids: string[]): T {
  if (ids.length !== t.clusters.length) throw new Error('one id per cluster');
  assigned.set(t.clusters, ids);
  return t;
}

/** A new id for a cluster named `name` that is not in `taken` (which it joins). */
export function freshId(name: string, taken: Set<string>): string {
  let id = name;
  for (let n = 2; taken.has(id); n++) id = `${name}#${n}`;
  taken.add(id);
  return id;
}

/**
 * Gives `next`'s clusters the ids they had in `prev`, unless an edit already fixed them: the same cluster object
 * keeps its id, then a cluster with the same name at the same place, then one with the same name, then one at the
 * same place (a rename typed in the Topology tab); anything else is new. Called for every design that becomes current.
 */
export function carryClusterIds(prev: Pick<Topology, 'clusters'>, next: Pick<Topology, 'clusters'>): void {
  if (prev.clusters === next.clusters || assigned.has(next.clusters)) return;
  const before = prev.clusters;
  const beforeIds = clusterIds(prev);
  // Pin the old ids too, so an undo back to `prev` finds exactly these.
  if (!assigned.has(before)) assigned.set(before, beforeIds);

  const after = next.clusters;
  const ids: (string | undefined)[] = new Array(after.length);
  const free = new Set(before.keys());
  const take = (j: number, i: number) => {
    free.delete(i);
    ids[j] = beforeIds[i];
  };
  const byObject = new Map<Cluster, number>();
  before.forEach((c, i) => byObject.set(c, i));
  after.forEach((c, j) => {
    const i = byObject.get(c);
    if (i !== undefined && free.has(i)) take(j, i);
  });
  after.forEach((c, j) => {
    if (ids[j] === undefined && free.has(j) && before[j].name === c.name) take(j, j);
  });
  after.forEach((c, j) => {
    if (ids[j] !== undefined) return;
    for (const i of free) {
      if (before[i].name === c.name) {
        take(j, i);
        return;
      }
    }
  });
  after.forEach((_, j) => {
    if (ids[j] === undefined && free.has(j)) take(j, j);
  });
  const taken = new Set(ids.filter((id): id is string => id !== undefined));
  assigned.set(
    after,
    after.map((c, j) => ids[j] ?? freshId(c.name, taken)),
  );
}

/**
 * Gateway ids: the canvas ids of the two clusters a link joins, in the order written (`a~b`), plus `#n` for a repeated
 * link. They follow the clusters' ids, so a link keeps its id (and its selection) while one of its clusters is renamed,
 * however the rename is made. A name no cluster has stands for itself.
 */
export function gatewayIds(t: Pick<Topology, 'clusters' | 'gateways'>): string[] {
  const known = linkIdCache.get(t.gateways);
  if (known && known.clusters === t.clusters) return known.ids;
  const ids = clusterIds(t);
  const names = t.clusters.map((c) => c.name);
  // An edit of a cluster's settings leaves its id and name, so the links' ids: the very same array, found without
  // looking at the links (a mesh has a thousand), and views memoized on it skip.
  if (known && known.clusterIds === ids && sameItems(known.names, names)) {
    linkIdCache.set(t.gateways, { ...known, clusters: t.clusters });
    return known.ids;
  }
  const idOf = new Map<string, string>();
  names.forEach((name, i) => {
    if (!idOf.has(name)) idOf.set(name, ids[i]);
  });
  const fresh = linkIds(t.gateways, (name) => idOf.get(name));
  const out = known && sameItems(known.ids, fresh) ? known.ids : fresh;
  linkIdCache.set(t.gateways, { clusters: t.clusters, clusterIds: ids, names, ids: out });
  return out;
}

function sameItems(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

const linkIdCache = new WeakMap<Topology['gateways'], { clusters: Clusters; clusterIds: string[]; names: string[]; ids: string[] }>();

/** Gateway ids given the canvas id of the first cluster of each name (see `gatewayIds`). */
export function linkIds(gateways: Topology['gateways'], idOf: (name: string) => string | undefined): string[] {
  const seen = new Map<string, number>();
  return gateways.map(([a, b]) => {
    const base = `${idOf(a) ?? a}~${idOf(b) ?? b}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export function gatewayIndex(t: Pick<Topology, 'clusters' | 'gateways'>, id: string): number {
  return gatewayIds(t).indexOf(id);
}

/** Whether a link joins clusters `a` and `b` (by name), written either way round. */
export function joins([x, y]: readonly [string, string], a: string, b: string): boolean {
  return (x === a && y === b) || (x === b && y === a);
}

/** Whether a and b are linked either way. */
export function linked(t: Pick<Topology, 'gateways'>, a: string, b: string): boolean {
  return t.gateways.some((g) => joins(g, a, b));
}

/** Whether the clusters with canvas ids `a` and `b` are linked, either way round. */
export function clustersLinked(t: Pick<Topology, 'clusters' | 'gateways'>, a: string, b: string): boolean {
  const nameA = clusterName(t, a);
  const nameB = clusterName(t, b);
  return nameA !== undefined && nameB !== undefined && linked(t, nameA, nameB);
}

/** The ids of every link between the clusters named `a` and `b`, written either way round. */
export function linksBetween(t: Pick<Topology, 'clusters' | 'gateways'>, a: string, b: string): string[] {
  const ids = gatewayIds(t);
  return ids.filter((_, i) => joins(t.gateways[i], a, b));
}
