import { passwordEnvVar } from '../names';
import type { Cluster, Topology } from '../model';
import { gatewaySystems } from './topology-facts';
import { crossSite } from './placement';

/** The leafnode port, as the NATS Helm chart and the server's default have it. */
export const LEAFNODE_PORT = 7422;

/**
 * Each leaf cluster's hub, from the links that can be rendered: both ends exist, differ, and are in different gateway
 * systems, in one Kubernetes cluster; a leaf keeps its first hub. The lint names every link left out here (`lint/rules/leafnode-links.ts`).
 */
export function leafHubs(topology: Topology): Map<string, string> {
  const links = topology.leafnodes ?? [];
  const out = new Map<string, string>();
  if (links.length === 0) return out;
  const names = new Set(topology.clusters.map((c) => c.name));
  const systemOf = systemIndex(topology);
  for (const [leaf, hub] of links) {
    if (!names.has(leaf) || !names.has(hub) || systemOf.get(leaf) === systemOf.get(hub) || out.has(leaf)) continue;
    // A leaf dials its hub's in-cluster address, which another Kubernetes cluster cannot reach (LEAF_CROSS_CONTEXT).
    if (leafCrossesContexts(topology, leaf, hub)) continue;
    out.set(leaf, hub);
  }
  // A link whose hub's system leads back to the leaf's through other leaf links closes a loop: none of those render.
  const edges = new Map<number, Set<number>>();
  for (const [leaf, hub] of out) {
    const from = systemOf.get(leaf)!;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(systemOf.get(hub)!);
  }
  const reaches = (from: number, to: number): boolean => {
    const stack = [from];
    const seen = new Set<number>();
    while (stack.length > 0) {
      const at = stack.pop()!;
      if (at === to) return true;
      if (seen.has(at)) continue;
      seen.add(at);
      for (const next of edges.get(at) ?? []) stack.push(next);
    }
    return false;
  };
  for (const [leaf, hub] of [...out]) if (reaches(systemOf.get(hub)!, systemOf.get(leaf)!)) out.delete(leaf);
  return out;
}

/** Each cluster name's gateway system, as an index. */
export function systemIndex(topology: Topology): Map<string, number> {
  const out = new Map<string, number>();
  gatewaySystems(topology).forEach((names, i) => names.forEach((n) => out.set(n, i)));
  return out;
}

/** Clusters that are some leaf's hub: they listen for leafnodes. */
export function hubClusters(topology: Topology): Set<string> {
  return new Set(leafHubs(topology).values());
}

/** A cluster's JetStream domain: its own, or the topology's; null for none. */
export function domainOf(topology: Topology, cluster: Pick<Cluster, 'domain'>): string | null {
  return cluster.domain ?? topology.jetstream.domain;
}

/**
 * The identities a leaf's servers log in to its hub with: the first user of each account with users, one leafnode
 * connection each, bound to that account on both sides (JetStream through the hub's domain needs the account that has
 * it). Without users anywhere, one connection without credentials, in the global account.
 */
export function leafIdentities(topology: Topology): { account: string; user: string }[] | null {
  const out = topology.accounts.filter((a) => a.users.length > 0).map((a) => ({ account: a.name, user: a.users[0] }));
  return out.length > 0 ? out : null;
}

/**
 * The environment variable holding a leaf's remote URLs with one user's credentials for `hub`: the password may only
 * come from the environment, and nats-server takes no separate password for a remote, so the whole URL does.
 */
export function leafUrlEnvVar(hub: string, user: string): string {
  return `NATS_LEAF_${hub.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${passwordEnvVar(user)}`;
}

/** `nats-leaf://host:port` with the user (percent-encoded) and a password text put in. */
export function withCredentials(url: string, user: string, password: string): string {
  return url.replace('://', `://${encodeURIComponent(user)}:${password}@`);
}

/**
 * The variables a leaf cluster's servers read for their remotes: each as a list of quoted URLs (nats-server reads a
 * variable's value as config text), with `password(user)` put in: `$(NATS_PASSWORD_X)` for Kubernetes to expand from
 * the Secret, or the password itself in the local target's secrets.env. Passwords are letters and digits
 * (`SAFE_PASSWORD`), and the user is percent-encoded, so nothing in them can end the quotes.
 */
export function leafUrlVariables(
  topology: Topology,
  hub: string,
  urls: string[],
  password: (user: string) => string,
): { name: string; user: string; value: string }[] {
  return (leafIdentities(topology) ?? []).map(({ user }) => ({
    name: leafUrlEnvVar(hub, user),
    user,
    value: `[${urls.map((u) => `"${withCredentials(u, user, password(user))}"`).join(', ')}]`,
  }));
}

/** Whether a leaf and its hub run in different Kubernetes clusters (kube contexts): a link the renderer cannot make. */
export function leafCrossesContexts(topology: Topology, leaf: string, hub: string): boolean {
  const l = topology.clusters.find((c) => c.name === leaf);
  const h = topology.clusters.find((c) => c.name === hub);
  return l !== undefined && h !== undefined && crossSite(l, h);
}
