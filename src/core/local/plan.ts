import { clusterNames, isDns1123Label } from '../names';
import { resolveCluster, type ResolvedCluster, type Topology } from '../model';
import type { Ports } from '../conf/addressing';
import { localOutputSize, outputSizeProblem } from '../bundle/output-size';
import { hubClusters } from '../conf/leafnodes';

/**
 * The local address plan: every server of the topology on 127.0.0.1, each with its own block of ports.
 *
 * Server k (0-based, clusters in topology order, replicas in order) uses `base + 10·k` for clients, `+1` for
 * routes, `+2` for gateways, `+3` for monitoring and `+4` for leafnodes (hubs only). With the default base the first server listens on
 * 14222/14223/14224/14225, the second on 14232/14233/14234/14235, and so on: below Linux's ephemeral range
 * (32768+) and clear of the well-known NATS ports, so a local run never collides with a Kubernetes port-forward.
 */
export const LOCAL_BASE_PORT = 14222;

/** Ports reserved per server; four are used, the rest keep each server's block readable (…2, …3, …4, …5). */
export const LOCAL_PORT_BLOCK = 10;

/** Offsets inside a server's block. */
export const LOCAL_PORT_OFFSETS: Ports = { client: 0, cluster: 1, gateway: 2, monitor: 3, leafnode: 4 };

/** The one interface local servers bind to and dial. */
export const LOCAL_HOST = '127.0.0.1';

export interface LocalOptions {
  /** First port of the plan. Must leave room for every server's block below 65536. @default 14222 */
  basePort?: number;
  /**
   * Each Kubernetes cluster (kube context; null for the default one) as a machine of its own: its servers listen on
   * every interface, dial each other at `internal`, and peers of other sites dial `external` when the design gives
   * the cluster a gateway address (the internal one otherwise, as a pod address is dialed without one). Without
   * it every server is on 127.0.0.1.
   */
  sites?: ReadonlyMap<string | null, LocalSite>;
}

/** The two addresses of one site of a local run (see {@link LocalOptions.sites}). */
export interface LocalSite {
  /** Where its own servers reach each other (the pod network). */
  internal: string;
  /** Where other sites reach it (the load balancer). */
  external: string;
}

/** One server of a local run. */
export interface LocalServer {
  /** `nats-<cluster>-<i>`: the pod name the Kubernetes target gives the same server. */
  name: string;
  cluster: ResolvedCluster;
  /** Index within its cluster. */
  index: number;
  /** Index within the whole topology: its port block. */
  slot: number;
  ports: Ports;
}

const MIN_BASE_PORT = 1024;
const MAX_PORT = 65535;

/**
 * Why a topology cannot run locally, or null when it can: a base port out of range, more servers than ports,
 * a cluster name that is not a DNS-1123 label (local files and shell scripts are named after the servers,
 * so such a name could escape the folder or the script's quoting; the lint reports it as an error anyway), or
 * more output than a render may write (`bundle/output-size.ts`).
 * The CLI checks its `--base-port` with this before rendering; {@link localServers} throws the same message.
 */
export function localTargetProblem(topology: Topology, options: LocalOptions = {}): string | null {
  const bad = topology.clusters.find((c) => !isDns1123Label(c.name));
  if (bad) return `cluster name ${JSON.stringify(bad.name)} is not a DNS-1123 label, so it cannot name local files`;
  const base = options.basePort ?? LOCAL_BASE_PORT;
  if (!Number.isInteger(base) || base < MIN_BASE_PORT || base > MAX_PORT) {
    return `the base port must be a whole number from ${MIN_BASE_PORT} to ${MAX_PORT}; got ${base}`;
  }
  const count = uniqueClusters(topology).reduce((n, c) => n + resolveCluster(topology, c).replicas, 0);
  // The highest port a server uses: a hub's leafnode port, or else its monitoring port.
  const lastOffset = hubClusters(topology).size > 0 ? LOCAL_PORT_OFFSETS.leafnode : LOCAL_PORT_OFFSETS.monitor;
  const last = base + LOCAL_PORT_BLOCK * Math.max(count - 1, 0) + lastOffset;
  if (last > MAX_PORT) {
    const highest = MAX_PORT - lastOffset - LOCAL_PORT_BLOCK * Math.max(count - 1, 0);
    return highest >= MIN_BASE_PORT
      ? `${count} servers need ports up to ${last} from base port ${base}; use a base port of at most ${highest}`
      : `${count} servers need ${count * LOCAL_PORT_BLOCK} ports; too many to run on one machine`;
  }
  return outputSizeProblem(localOutputSize(topology));
}

/** Every server of the topology in port order, with its ports. Throws a RangeError when {@link localTargetProblem} finds one. */
export function localServers(topology: Topology, options: LocalOptions = {}): LocalServer[] {
  const problem = localTargetProblem(topology, options);
  if (problem) throw new RangeError(problem);
  const base = options.basePort ?? LOCAL_BASE_PORT;
  const out: LocalServer[] = [];
  for (const spec of uniqueClusters(topology)) {
    const cluster = resolveCluster(topology, spec);
    const names = clusterNames(cluster.name);
    for (let i = 0; i < cluster.replicas; i++) {
      const slot = out.length;
      const first = base + LOCAL_PORT_BLOCK * slot;
      out.push({
        name: names.pod(i),
        cluster,
        index: i,
        slot,
        ports: {
          client: first + LOCAL_PORT_OFFSETS.client,
          cluster: first + LOCAL_PORT_OFFSETS.cluster,
          gateway: first + LOCAL_PORT_OFFSETS.gateway,
          monitor: first + LOCAL_PORT_OFFSETS.monitor,
          leafnode: first + LOCAL_PORT_OFFSETS.leafnode,
        },
      });
    }
  }
  return out;
}

/** Clusters by first occurrence of their name, as {@link renderNatsConf} finds them; the lint names duplicates. */
function uniqueClusters(topology: Topology): Topology['clusters'] {
  const seen = new Set<string>();
  return topology.clusters.filter((c) => !seen.has(c.name) && seen.add(c.name));
}
