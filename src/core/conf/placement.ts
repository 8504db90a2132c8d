import type { Cluster, ResolvedCluster } from '../model';
import { KUBERNETES_PORTS } from './addressing';

/**
 * Placement: which Kubernetes cluster (kube context) each NATS cluster runs in, and how peers in other Kubernetes
 * clusters reach its gateway. Clusters of one Kubernetes cluster dial each other's headless Service; a peer in
 * another one can only dial the address the user gives (a LoadBalancer's or a node's), which the gateway also
 * advertises so that gossip hands out that address and not a pod IP.
 */

type Placed = Pick<Cluster, 'kubeContext' | 'gateway'> | Pick<ResolvedCluster, 'kubeContext' | 'gateway'>;

/** The kube context a cluster runs in; null is the default Kubernetes cluster (the single bundle). */
export function siteOf(cluster: Placed): string | null {
  return cluster.kubeContext ?? null;
}

/** Whether two clusters run in different Kubernetes clusters, so they cannot use each other's in-cluster names. */
export function crossSite(a: Placed, b: Placed): boolean {
  return siteOf(a) !== siteOf(b);
}

/** The port peers dial on the external address: the gateway port on a LoadBalancer, the node port on a NodePort. */
export function externalGatewayPort(cluster: Placed): number | null {
  const g = cluster.gateway;
  if (!g) return null;
  return g.service === 'NodePort' ? g.nodePort : KUBERNETES_PORTS.gateway;
}

/**
 * A cluster's gateway as peers in other Kubernetes clusters dial it, or null when the design gives none. The TLS
 * certificates' SANs include `host`; the lint reports a peer in another Kubernetes cluster when this is null.
 */
export function gatewayExternalAddress(cluster: Placed): { host: string; port: number } | null {
  const host = cluster.gateway?.address ?? null;
  const port = externalGatewayPort(cluster);
  return host && port !== null ? { host, port } : null;
}

/** Whether any remote of a cluster runs in another Kubernetes cluster: then it needs its gateway exposed. */
export function hasCrossSitePeer(cluster: Placed, remotes: readonly Placed[]): boolean {
  return remotes.some((r) => crossSite(cluster, r));
}

/** Whether a gateway address is an IP address (a certificate names it as an IP SAN, not a DNS name). */
export function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** `host:port` for a URL, with an IPv6 address in brackets. */
export function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
