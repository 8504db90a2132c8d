import { clusterNames } from '../names';
import type { ResolvedCluster, Topology } from '../model';
import type { TlsFiles } from './tls';
import { crossSite, gatewayExternalAddress, hostPort } from './placement';

/**
 * Where servers listen and how they find each other. The Kubernetes and the local target render the same
 * configuration through two address plans; nothing else differs between them.
 */
export interface Ports {
  client: number;
  cluster: number;
  gateway: number;
  monitor: number;
  /** Leafnode connections, on hub clusters' servers only. */
  leafnode: number;
}

export interface Addressing {
  target: 'kubernetes' | 'local';
  /** `server_name`: an environment reference (one conf serves every pod) or a literal (one conf per server). */
  serverName: { env: string } | { literal: string };
  /** Interface every listener binds to; null = all interfaces. */
  host: string | null;
  ports: Ports;
  storeDir: string;
  pidFile: string;
  /** Route URLs of the cluster's own servers (self included: the server drops its own route). */
  routeUrls: string[];
  /**
   * With `security.serverAuth`, the variable holding route URL i with its credentials (a route sends only what its
   * URL carries, and a conf cannot splice a variable into a string).
   */
  routeEnv(i: number): string;
  /** Gateway seed URLs of a remote cluster: in-cluster names in the same Kubernetes cluster, its external address from another. */
  gatewayUrls(remote: ResolvedCluster): string[];
  /** Leafnode URLs of a hub cluster, without credentials. */
  leafnodeUrls(hub: string): string[];
  /** The cluster's certificate, key and CA, read by every `tls {}` block the cluster turns on. */
  tlsFiles: TlsFiles;
  /** `host:port` the gateway advertises to peers in other Kubernetes clusters; null: none given. */
  gatewayAdvertise: string | null;
}

/** The ports the NATS Helm chart uses. */
export const KUBERNETES_PORTS: Ports = { client: 4222, cluster: 6222, gateway: 7222, monitor: 8222, leafnode: 7422 };

export const KUBERNETES_PATHS = { configDir: '/etc/nats-config', storeDir: '/data', pidDir: '/var/run/nats', certDir: '/etc/nats-certs' };

/** The cluster's cert-manager Secret, mounted at `certDir`: the key names cert-manager writes. */
export const KUBERNETES_TLS_FILES: TlsFiles = {
  cert: `${KUBERNETES_PATHS.certDir}/tls.crt`,
  key: `${KUBERNETES_PATHS.certDir}/tls.key`,
  ca: `${KUBERNETES_PATHS.certDir}/ca.crt`,
};

/** DNS name of pod i of a cluster, through its headless Service. */
export function podHost(topology: Topology, cluster: string, i: number): string {
  const n = clusterNames(cluster);
  return `${n.pod(i)}.${n.headless}.${topology.namespace}.svc.${topology.clusterDomain}`;
}

/** DNS name of a cluster's headless Service: it resolves to the addresses of all its pods. */
export function serviceHost(topology: Topology, cluster: string): string {
  return `${clusterNames(cluster).headless}.${topology.namespace}.svc.${topology.clusterDomain}`;
}

export function kubernetesAddressing(topology: Topology, cluster: ResolvedCluster): Addressing {
  const p = KUBERNETES_PORTS;
  return {
    target: 'kubernetes',
    serverName: { env: 'SERVER_NAME' },
    host: null,
    ports: p,
    storeDir: KUBERNETES_PATHS.storeDir,
    pidFile: `${KUBERNETES_PATHS.pidDir}/nats.pid`,
    routeUrls: range(cluster.replicas).map((i) => `nats://${podHost(topology, cluster.name, i)}:${p.cluster}`),
    // One conf serves every pod of the cluster, and the pod's environment defines these (`k8s/cluster-objects.ts`).
    routeEnv: (i) => `NATS_ROUTE_URL_${i}`,
    // One seed per remote: its headless Service name resolves to every pod (ready or not), and the server
    // dials a random one of them. A remote's replica count then never changes this cluster's conf, so scaling
    // one cluster does not roll the others.
    gatewayUrls: (remote) => {
      const external = crossSite(cluster, remote) ? gatewayExternalAddress(remote) : null;
      // Without an external address a peer elsewhere has nothing better to dial; the lint reports it.
      return [external ? `nats://${hostPort(external.host, external.port)}` : `nats://${serviceHost(topology, remote.name)}:${p.gateway}`];
    },
    gatewayAdvertise: advertiseOf(cluster),
    // The hub's headless Service, for the same reason: every pod, ready or not.
    leafnodeUrls: (hub) => [`nats-leaf://${serviceHost(topology, hub)}:${p.leafnode}`],
    tlsFiles: KUBERNETES_TLS_FILES,
  };
}

function advertiseOf(cluster: ResolvedCluster): string | null {
  const external = gatewayExternalAddress(cluster);
  return external ? hostPort(external.host, external.port) : null;
}

/** A route URL with the route credentials in it: `nats://route:<password>@host:port`. */
export function routeUrlWithCredentials(url: string, user: string, password: string): string {
  return url.replace(/^nats:\/\//, `nats://${user}:${password}@`);
}

export function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
