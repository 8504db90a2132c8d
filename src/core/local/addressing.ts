import type { Addressing } from '../conf/addressing';
import type { ResolvedCluster, Topology } from '../model';
import { LOCAL_HOST, localServers, type LocalOptions, type LocalServer, type LocalSite } from './plan';
import { crossSite, hostPort, siteOf } from '../conf/placement';

/**
 * Paths of a local run, relative to the `local/` folder: `start.sh` changes into that folder before it starts
 * anything, so the folder can be moved or unpacked anywhere and every server still finds its own store.
 */
export const LOCAL_PATHS = {
  conf: (server: string) => `${server}.conf`,
  storeDir: (server: string) => `data/${server}`,
  pidFile: (server: string) => `run/${server}.pid`,
  log: (server: string) => `logs/${server}.log`,
  /** What `certs.sh` makes: one certificate per cluster, as on Kubernetes, all signed by one throwaway CA. */
  certDir: 'certs',
  caCert: 'certs/ca.crt',
  caKey: 'certs/ca.key',
  clusterCert: (cluster: string) => `certs/${cluster}.crt`,
  clusterKey: (cluster: string) => `certs/${cluster}.key`,
};

/**
 * The local address plan of server `serverIndex` of `cluster`: literal `server_name` (the pod name the
 * Kubernetes target gives it), every listener on 127.0.0.1 on the server's own port block, routes and gateway
 * seeds to the other servers' blocks, store and pid file inside the local folder.
 */
export function localAddressing(topology: Topology, cluster: ResolvedCluster, serverIndex: number, options: LocalOptions = {}): Addressing {
  return addressingFrom(indexPlan(localServers(topology, options)), cluster.name, serverIndex, options.sites);
}

export function localRouteEnv(cluster: string, i: number): string {
  return `NATS_ROUTE_URL_${cluster.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${i}`;
}

/** A plan's servers by cluster name, so every server's addressing costs only its own lists. */
export type PlanIndex = Map<string, LocalServer[]>;

export function indexPlan(servers: LocalServer[]): PlanIndex {
  const index: PlanIndex = new Map();
  for (const s of servers) {
    const list = index.get(s.cluster.name);
    if (list) list.push(s);
    else index.set(s.cluster.name, [s]);
  }
  return index;
}

/** {@link localAddressing} over a plan already computed and indexed (one plan serves every server of a render). */
export function addressingFrom(index: PlanIndex, clusterName: string, serverIndex: number, sites?: LocalOptions['sites']): Addressing {
  const self = index.get(clusterName)?.[serverIndex];
  if (!self) throw new Error(`no server ${serverIndex} in cluster ${clusterName}`);
  const site = (c: LocalServer['cluster']): LocalSite => sites?.get(siteOf(c)) ?? { internal: LOCAL_HOST, external: LOCAL_HOST };
  const url = (host: string, port: number) => `nats://${hostPort(host, port)}`;
  const own = site(self.cluster);
  return {
    target: 'local',
    serverName: { literal: self.name },
    // A site listens on every interface, as a pod does behind its load balancer.
    host: sites ? null : LOCAL_HOST,
    ports: self.ports,
    storeDir: LOCAL_PATHS.storeDir(self.name),
    pidFile: LOCAL_PATHS.pidFile(self.name),
    // Self included, as on Kubernetes: the server drops the route to itself.
    routeUrls: index.get(clusterName)!.map((s) => url(own.internal, s.ports.cluster)),
    // secrets.env defines one set per cluster, so the name says which (cluster names are DNS labels here).
    routeEnv: (i) => localRouteEnv(clusterName, i),
    // Every server of the remote: the local counterpart of a Service name that resolves to all its pods.
    gatewayUrls: (remote) => {
      const there = site(remote);
      const host = crossSite(self.cluster, remote) && remote.gateway?.address ? there.external : there.internal;
      return (index.get(remote.name) ?? []).map((s) => url(host, s.ports.gateway));
    },
    gatewayAdvertise: self.cluster.gateway?.address ? hostPort(own.external, self.ports.gateway) : null,
    leafnodeUrls: (hub) => localLeafnodeUrls(index, hub, sites),
    tlsFiles: { cert: LOCAL_PATHS.clusterCert(clusterName), key: LOCAL_PATHS.clusterKey(clusterName), ca: LOCAL_PATHS.caCert },
  };
}

/** A hub's leafnode URLs in the local plan: every one of its servers. */
export function localLeafnodeUrls(index: PlanIndex, hub: string, sites?: LocalOptions['sites']): string[] {
  const servers = index.get(hub) ?? [];
  // A leaf dials its hub inside the hub's site (a leaf elsewhere is refused by the lint).
  const host = (servers[0] && sites?.get(siteOf(servers[0].cluster))?.internal) ?? LOCAL_HOST;
  return servers.map((s) => `nats-leaf://${hostPort(host, s.ports.leafnode)}`);
}
