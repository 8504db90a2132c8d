import type { Cluster, ResolvedCluster, Topology } from '../model';

/**
 * The clusters a cluster has a gateway link to, in topology order. Self-links, links to unknown clusters and
 * repeated links are dropped here; the lint names each of them.
 */
export function linkedClusters(topology: Topology, name: string): Cluster[] {
  return peerMap(topology).get(name) ?? [];
}

/**
 * Every cluster's linked clusters at once, in O(clusters + links): renderers that visit every cluster use
 * this instead of calling {@link linkedClusters} per cluster (a full mesh of n has n²/2 links).
 */
export function peerMap(topology: Topology): Map<string, Cluster[]> {
  // Each name stands for its first cluster's index: sorted indices are in topology order, repeats side by side.
  const index = new Map<string, number>();
  topology.clusters.forEach((c, i) => {
    if (!index.has(c.name)) index.set(c.name, i);
  });
  const linked = topology.clusters.map((): number[] => []);
  for (const [a, b] of topology.gateways) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    linked[i].push(j);
    linked[j].push(i);
  }
  const out = new Map<string, Cluster[]>();
  linked.forEach((peers, i) => {
    if (peers.length === 0) return;
    peers.sort((x, y) => x - y);
    out.set(topology.clusters[i].name, peers.filter((j, k) => j !== peers[k - 1]).map((j) => topology.clusters[j]));
  });
  return out;
}

/**
 * Whether a cluster gets a `cluster {}` block. A lone server with one never elects a JetStream leader (its only
 * route is to itself), so a single-server cluster gets the block only when gateways join it to others.
 */
export function needsClusterBlock(cluster: ResolvedCluster, linkCount: number): boolean {
  return cluster.replicas > 1 || linkCount > 0;
}

/** Groups cluster names into the separate systems the gateway links make (connected components). */
export function gatewaySystems(topology: Topology): string[][] {
  const names = [...new Set(topology.clusters.map((c) => c.name))];
  const index = new Map(names.map((n, i) => [n, i]));
  // Union-find over indices, every path pointed at its root: a full mesh of 200 has 19,900 links to merge.
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    for (let j = i; j !== root; ) {
      const next = parent[j];
      parent[j] = root;
      j = next;
    }
    return root;
  };
  for (const [a, b] of topology.gateways) {
    const i = index.get(a);
    const j = index.get(b);
    if (i !== undefined && j !== undefined) parent[find(i)] = find(j);
  }
  const groups = new Map<number, string[]>();
  names.forEach((n, i) => {
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(n);
    else groups.set(root, [n]);
  });
  return [...groups.values()];
}
