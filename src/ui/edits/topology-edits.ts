/**
 * Pure edits of a topology: each takes a topology and returns a new one that shares every unchanged part (so
 * memoized nodes and derived output stay put), or the same object when nothing changes.
 */
import type { Cluster, Position, Topology } from '../../core';
import { clusterIds, clusterIndex, clusterName, freshId, gatewayIds, linked, withClusterIds } from './ids';
import { freePosition, snapPosition, tidyPositions, type TidyMode } from './layout';

/** Starting shapes offered by the palette. */
export const CLUSTER_PRESETS = {
  default: { label: 'NATS cluster', hint: 'Uses the topology defaults', replicas: undefined },
  single: { label: 'Single server', hint: '1 server, no quorum', replicas: 1 },
  five: { label: '5-server cluster', hint: 'Survives two failures', replicas: 5 },
} as const;

export type ClusterPreset = keyof typeof CLUSTER_PRESETS;

/** Copied clusters and the links among them. */
export interface Clip {
  clusters: Cluster[];
  gateways: [string, string][];
}

/** The first name `base`, `base-2`, `base-3`, ... that no cluster has. */
export function uniqueName(t: Topology, base: string, extraTaken: Iterable<string> = []): string {
  const taken = new Set([...t.clusters.map((c) => c.name), ...extraTaken]);
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) {
    const name = `${base}-${i}`;
    if (!taken.has(name)) return name;
  }
}

/** `c1`, `c2`, ...: short, DNS-safe, and never reusing a name in the design. */
export function nextClusterName(t: Topology): string {
  const taken = new Set(t.clusters.map((c) => c.name));
  for (let i = 1; ; i++) if (!taken.has(`c${i}`)) return `c${i}`;
}

export function addCluster(t: Topology, at: Position, preset: ClusterPreset = 'default'): { topology: Topology; id: string } {
  const name = nextClusterName(t);
  const cluster: Cluster = { name, region: null, zone: null, position: freePosition(t, at) };
  const replicas = CLUSTER_PRESETS[preset].replicas;
  if (replicas !== undefined && replicas !== t.defaults.replicas) cluster.replicas = replicas;
  const ids = clusterIds(t);
  const id = freshId(name, new Set(ids));
  return { topology: withClusterIds({ ...t, clusters: [...t.clusters, cluster] }, [...ids, id]), id };
}

/** Removes clusters (by canvas id) with every link that touches them, and links (by id). */
export function removeElements(t: Topology, clusterIdList: string[], gatewayIdList: string[]): Topology {
  if (clusterIdList.length === 0 && gatewayIdList.length === 0) return t;
  const ids = clusterIds(t);
  const dropClusters = new Set(clusterIdList);
  const removedNames = new Set(t.clusters.filter((_, i) => dropClusters.has(ids[i])).map((c) => c.name));
  const clusters = t.clusters.filter((_, i) => !dropClusters.has(ids[i]));
  withClusterIds(
    { clusters },
    ids.filter((id) => !dropClusters.has(id)),
  );
  // A name survives if another cluster still carries it (duplicate names): keep its links then.
  const stillThere = new Set(clusters.map((c) => c.name));
  const gone = new Set([...removedNames].filter((n) => !stillThere.has(n)));
  const gwIds = gatewayIds(t);
  const dropGateways = new Set(gatewayIdList);
  const gateways = t.gateways.filter(([a, b], i) => !dropGateways.has(gwIds[i]) && !gone.has(a) && !gone.has(b));
  if (clusters.length === t.clusters.length && gateways.length === t.gateways.length) return t;
  return withLeafnodes(
    { ...t, clusters, gateways },
    (t.leafnodes ?? []).filter(([leaf, hub]) => !gone.has(leaf) && !gone.has(hub)),
  );
}

/** `t` with these leafnode links: the key is left out when there are none, as the parser leaves it. */
function withLeafnodes(t: Topology, leafnodes: [string, string][]): Topology {
  const rest: Topology = { ...t };
  delete rest.leafnodes;
  return leafnodes.length > 0 ? { ...rest, leafnodes } : rest;
}

/**
 * Makes cluster `leaf` a leaf of `hub`, replacing any hub it had (a leaf has one); `hub` null or empty makes it no
 * leaf. Unknown names and a cluster as its own hub change nothing.
 */
export function setLeafHub(t: Topology, leaf: string, hub: string | null): Topology {
  const names = new Set(t.clusters.map((c) => c.name));
  if (!names.has(leaf) || leaf === hub || (hub && !names.has(hub))) return t;
  const others = (t.leafnodes ?? []).filter(([l]) => l !== leaf);
  const next = hub ? [...others, [leaf, hub] as [string, string]] : others;
  const before = t.leafnodes ?? [];
  if (next.length === before.length && next.every(([l, h], i) => before[i][0] === l && before[i][1] === h)) return t;
  return withLeafnodes(t, next);
}

/**
 * A new cluster at `at`, already linked to the cluster with canvas id `from`: a link dragged out onto blank canvas.
 * Null when `from` is gone.
 */
export function addLinkedCluster(t: Topology, from: string, at: Position): { topology: Topology; id: string } | null {
  const source = clusterName(t, from);
  if (source === undefined) return null;
  const { topology, id } = addCluster(t, at);
  return { topology: connect(topology, source, topology.clusters[topology.clusters.length - 1].name), id };
}

/** Links two clusters. Self-links, repeats and unknown names change nothing. */
export function connect(t: Topology, a: string, b: string): Topology {
  if (a === b || linked(t, a, b)) return t;
  const names = new Set(t.clusters.map((c) => c.name));
  if (!names.has(a) || !names.has(b)) return t;
  return { ...t, gateways: [...t.gateways, [a, b]] };
}

/** Moves clusters (by canvas id, which is a cluster name and may be `constructor`) to new, snapped positions. */
export function moveClusters(t: Topology, positions: ReadonlyMap<string, Position>): Topology {
  const ids = clusterIds(t);
  let changed = false;
  const clusters = t.clusters.map((c, i) => {
    const p = positions.get(ids[i]);
    if (!p) return c;
    const next = snapPosition(p);
    if (next.x === c.position.x && next.y === c.position.y) return c;
    changed = true;
    return { ...c, position: next };
  });
  return changed ? withClusterIds({ ...t, clusters }, ids) : t;
}

/** Renames a cluster and every link that names it; the cluster keeps its id. The caller checks the new name is free. */
export function renameCluster(t: Topology, id: string, name: string): Topology {
  const i = clusterIndex(t, id);
  if (i < 0 || t.clusters[i].name === name) return t;
  const old = t.clusters[i].name;
  const dupes = t.clusters.filter((c) => c.name === old).length > 1;
  const clusters = t.clusters.map((c, j) => (j === i ? { ...c, name } : c));
  // With a duplicate name the links stay with the cluster that keeps it.
  const rename = ([a, b]: [string, string]): [string, string] => (a === old || b === old ? [a === old ? name : a, b === old ? name : b] : [a, b]);
  const gateways = dupes ? t.gateways : t.gateways.map(rename);
  const leafnodes = dupes || !t.leafnodes ? t.leafnodes : t.leafnodes.map(rename);
  return withClusterIds({ ...t, clusters, gateways, ...(leafnodes ? { leafnodes } : {}) }, clusterIds(t));
}

export function copyClusters(t: Topology, ids: string[]): Clip | null {
  const all = clusterIds(t);
  const wanted = new Set(ids);
  const clusters = t.clusters.filter((_, i) => wanted.has(all[i]));
  if (clusters.length === 0) return null;
  const names = new Set(clusters.map((c) => c.name));
  const gateways = t.gateways.filter(([a, b]) => names.has(a) && names.has(b));
  return { clusters, gateways };
}

/** Adds copies of a clip with fresh names, offset so they do not cover the originals; links among them come along. */
export function pasteClip(t: Topology, clip: Clip, offset: Position): { topology: Topology; ids: string[] } {
  const renamed = new Map<string, string>();
  const added: Cluster[] = [];
  const before = clusterIds(t);
  const taken = new Set(before);
  const ids: string[] = [];
  for (const c of clip.clusters) {
    const base = `${c.name.replace(/-copy(-\d+)?$/, '')}-copy`;
    const name = uniqueName(t, base, [...renamed.values()]);
    renamed.set(c.name, name);
    added.push({ ...c, name, position: snapPosition({ x: c.position.x + offset.x, y: c.position.y + offset.y }) });
    ids.push(freshId(name, taken));
  }
  const gateways = clip.gateways.map(([a, b]) => [renamed.get(a) ?? a, renamed.get(b) ?? b] as [string, string]);
  return {
    topology: withClusterIds({ ...t, clusters: [...t.clusters, ...added], gateways: [...t.gateways, ...gateways] }, [...before, ...ids]),
    ids,
  };
}

export function tidy(t: Topology, mode: TidyMode): Topology {
  const positions = tidyPositions(t, mode);
  const ids = clusterIds(t);
  return moveClusters(t, new Map(ids.map((id, i) => [id, positions[i]])));
}
