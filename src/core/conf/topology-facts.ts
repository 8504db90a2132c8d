import type { Cluster, ResolvedCluster, Topology } from '../model';
import { perTopology } from '../per-topology';

/**
 * Every cluster's drawn links: the clusters it has a gateway link to, in topology order, in O(clusters + links).
 * Self-links, links to unknown clusters and repeated links are dropped here; the lint names each of them.
 */
export const peerMap = perTopology((topology): ReadonlyMap<string, readonly Cluster[]> => {
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
    out.set(
      topology.clusters[i].name,
      peers.filter((j, k) => j !== peers[k - 1]).map((j) => topology.clusters[j]),
    );
  });
  return out;
});

/**
 * Every cluster's gateway remotes: the other clusters of its gateway system (connected through drawn links, directly
 * or not), in topology order. NATS connects every pair of a system anyway (gateways gossip), but a server that
 * starts knowing only its drawn links can elect a JetStream meta leader before it hears of the rest: a chain or star
 * through a cluster of 1 or 2 servers booted with two leaders on 2.9.10. So each gateway block names them all.
 * Not cached: a system of n clusters has n² remotes.
 */
export function gatewayRemotes(topology: Topology): ReadonlyMap<string, readonly Cluster[]> {
  const first = new Map<string, Cluster>();
  for (const c of topology.clusters) if (!first.has(c.name)) first.set(c.name, c);
  const out = new Map<string, Cluster[]>();
  for (const system of gatewaySystems(topology)) {
    if (system.length < 2) continue;
    const members = system.map((n) => first.get(n)!);
    for (const c of members)
      out.set(
        c.name,
        members.filter((m) => m !== c),
      );
  }
  return out;
}

/** The gateway remotes of one cluster (see {@link gatewayRemotes}); renderers of many clusters use that instead. */
export function remotesOf(topology: Topology, name: string): readonly Cluster[] {
  return gatewayRemotes(topology).get(name) ?? [];
}

/**
 * Whether a cluster gets a `cluster {}` block. A lone server with one never elects a JetStream leader (its only
 * route is to itself), so a single-server cluster gets the block only when gateways join it to others.
 */
export function needsClusterBlock(cluster: ResolvedCluster, remoteCount: number): boolean {
  return cluster.replicas > 1 || remoteCount > 0;
}

/** Groups cluster names into the separate systems the gateway links make (connected components). */
export const gatewaySystems = perTopology((topology): readonly (readonly string[])[] => {
  const names = [...new Set(topology.clusters.map((c) => c.name))];
  const index = new Map(names.map((n, i) => [n, i]));
  // Union-find over indices, every path pointed at its root: a full mesh of 200 has 19,900 links to merge.
  const parent = names.map((_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root];
    for (let j = i; j !== root;) {
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
});
