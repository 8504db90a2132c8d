import type { Cluster, ResolvedCluster, Topology } from '../model';

/**
 * The clusters a cluster has a gateway link to, in topology order. Self-links, links to unknown clusters and
 * repeated links are dropped here; the lint names each of them.
 */
export function linkedClusters(topology: Topology, name: string): Cluster[] {
  const peers = new Set<string>();
  for (const [a, b] of topology.gateways) {
    if (a === name && b !== name) peers.add(b);
    if (b === name && a !== name) peers.add(a);
  }
  const seen = new Set<string>();
  return topology.clusters.filter((c) => {
    if (!peers.has(c.name) || seen.has(c.name)) return false;
    seen.add(c.name);
    return true;
  });
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
  const parent = new Map(names.map((n) => [n, n]));
  const find = (n: string): string => {
    let root = n;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(n, root);
    return root;
  };
  for (const [a, b] of topology.gateways) {
    if (parent.has(a) && parent.has(b)) parent.set(find(a), find(b));
  }
  const groups = new Map<string, string[]>();
  for (const n of names) {
    const root = find(n);
    groups.set(root, [...(groups.get(root) ?? []), n]);
  }
  return [...groups.values()];
}
