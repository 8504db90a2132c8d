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
  const order = new Map<string, number>();
  const first = new Map<string, Cluster>();
  topology.clusters.forEach((c, i) => {
    if (!first.has(c.name)) {
      first.set(c.name, c);
      order.set(c.name, i);
    }
  });
  const peers = new Map<string, Set<string>>();
  const add = (from: string, to: string) => {
    if (from === to || !first.has(from) || !first.has(to)) return;
    let set = peers.get(from);
    if (!set) peers.set(from, (set = new Set()));
    set.add(to);
  };
  for (const [a, b] of topology.gateways) {
    add(a, b);
    add(b, a);
  }
  const out = new Map<string, Cluster[]>();
  for (const [name, set] of peers) {
    out.set(name, [...set].sort((x, y) => order.get(x)! - order.get(y)!).map((n) => first.get(n)!));
  }
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
