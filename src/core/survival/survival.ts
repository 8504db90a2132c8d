/**
 * What a design survives: lost servers and lost clusters, for core NATS and for JetStream. One computation feeds the
 * lint's statement, the CLI, the designer and the bundle README; the failure suite (test/boot/failures.test.ts) kills
 * servers and clusters of real designs and checks each claim against what happened.
 *
 * The facts it rests on (docs/nats-server.md): every JetStream server of a gateway system votes in one meta group,
 * which needs a majority (⌊n/2⌋+1) to create or change any stream; a stream's replicas live in one cluster and need a
 * majority of them; core NATS needs no quorum, and the gateway mesh joins every surviving pair of clusters directly.
 */
import { gatewaySystems, needsClusterBlock } from '../conf/topology-facts';
import { resolveCluster, type ResolvedCluster, type Topology } from '../model';
import { perTopology } from '../per-topology';

/** Most replicas a stream can have (JetStream's limit); streams in a cluster have at most as many as its servers. */
export const MAX_STREAM_REPLICAS = 3;

/** What losing every server of one cluster does to the rest of its system. */
export interface ClusterLoss {
  cluster: string;
  servers: number;
  /** Whether JetStream keeps working in the other clusters: the meta group keeps a quorum without this cluster. */
  jetstreamContinues: boolean;
  /** Meta group servers left, and the quorum they need. */
  metaLeft: number;
}

/** How many of one cluster's servers can fail at once without stopping the streams placed there. */
export interface ServerLoss {
  cluster: string;
  servers: number;
  /** Replicas of a stream placed in this cluster: min(servers, 3). */
  streamReplicas: number;
  /** Servers its streams tolerate losing: a majority of the replicas must remain. */
  tolerated: number;
}

export interface SystemSurvival {
  clusters: readonly string[];
  /** The meta group, when JetStream runs clustered (not off, not one standalone server). */
  meta: { servers: number; quorum: number; tolerates: number } | null;
  /** One standalone JetStream server (no meta group). */
  standalone: boolean;
  serverLoss: ServerLoss[];
  /** One entry per cluster when the system has more than one. */
  clusterLoss: ClusterLoss[];
}

export function quorum(n: number): number {
  return Math.floor(n / 2) + 1;
}

/** Each gateway system of the design, with what it survives; once per topology (the README and the lint both ask). */
export const survival = perTopology((topology): readonly SystemSurvival[] => {
  const resolved = new Map<string, ResolvedCluster>();
  for (const c of topology.clusters) if (!resolved.has(c.name)) resolved.set(c.name, resolveCluster(topology, c));
  return gatewaySystems(topology).map((names) => {
    const clusters = names.map((n) => resolved.get(n)!);
    const total = clusters.reduce((sum, c) => sum + c.replicas, 0);
    const js = topology.jetstream.enabled;
    // A system of one cluster has no gateway remotes.
    const standalone = js && clusters.length === 1 && !needsClusterBlock(clusters[0], 0);
    const meta = js && !standalone ? { servers: total, quorum: quorum(total), tolerates: total - quorum(total) } : null;
    return {
      clusters: names,
      meta,
      standalone,
      serverLoss: clusters.map((c) => {
        const streamReplicas = Math.min(c.replicas, MAX_STREAM_REPLICAS);
        return { cluster: c.name, servers: c.replicas, streamReplicas, tolerated: streamReplicas - quorum(streamReplicas) };
      }),
      clusterLoss:
        clusters.length < 2
          ? []
          : clusters.map((c) => ({
              cluster: c.name,
              servers: c.replicas,
              metaLeft: total - c.replicas,
              jetstreamContinues: meta !== null && total - c.replicas >= meta.quorum,
            })),
    };
  });
});

/**
 * What a design survives, from one computation (the README, the panel and `lint` show it). The summary is one line per
 * system: "any 1 server of each cluster; not the loss of cluster b: JetStream stops everywhere"; the details give each
 * claim with its numbers.
 */
export function survivalStatement(topology: Topology, name: (cluster: string) => string = plain): { summary: string[]; details: string[] } {
  const systems = survival(topology);
  // Each name once: the details name every cluster of a system in each of its lines.
  const names = new Map<string, string>();
  const once = (cluster: string) => {
    let text = names.get(cluster);
    if (text === undefined) names.set(cluster, (text = name(cluster)));
    return text;
  };
  return { summary: summaryOf(topology, systems, once), details: detailsOf(topology, systems, once) };
}

function summaryOf(topology: Topology, systems: readonly SystemSurvival[], name: (cluster: string) => string): string[] {
  return systems.map((s) => {
    const prefix = systems.length > 1 ? `${list(s.clusters.map((c) => `cluster ${name(c)}`))}: ` : '';
    if (!topology.jetstream.enabled) {
      return `${prefix}core NATS only: any server or cluster can be lost; clients of the others are not affected.`;
    }
    if (s.standalone) return `${prefix}one standalone JetStream server: its loss stops everything there until it is back.`;
    const parts: string[] = [];
    const servers = s.serverLoss.filter((l) => l.tolerated > 0);
    const none = s.serverLoss.filter((l) => l.tolerated === 0);
    const perCluster = servers.length === 0 ? null : servers.every((l) => l.tolerated === servers[0].tolerated) ? servers[0].tolerated : null;
    if (servers.length === s.serverLoss.length && perCluster !== null) {
      parts.push(`survives any ${perCluster} server${perCluster === 1 ? '' : 's'} of ${s.serverLoss.length === 1 ? 'the cluster' : 'each cluster'}`);
    } else {
      for (const l of servers) parts.push(`survives any ${l.tolerated} of cluster ${name(l.cluster)}'s ${l.servers} servers`);
    }
    if (none.length > 0)
      parts.push(`not the loss of any server of ${list(none.map((l) => `cluster ${name(l.cluster)}`))}: ${none.length === 1 ? 'its' : 'their'} streams stop`);
    const ok = s.clusterLoss.filter((l) => l.jetstreamContinues).map((l) => `cluster ${name(l.cluster)}`);
    const bad = s.clusterLoss.filter((l) => !l.jetstreamContinues).map((l) => `cluster ${name(l.cluster)}`);
    if (ok.length > 0) parts.push(ok.length === s.clusterLoss.length ? 'the loss of any one cluster' : `the loss of ${list(ok, 'or')}`);
    if (bad.length > 0) parts.push(`not the loss of ${list(bad, 'or')}: JetStream stops everywhere`);
    const text = parts.join('; ');
    return prefix ? `${prefix}${text}.` : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  });
}

function detailsOf(topology: Topology, systems: readonly SystemSurvival[], name: (cluster: string) => string): string[] {
  const out: string[] = [];
  for (const s of systems) {
    if (!topology.jetstream.enabled) {
      out.push(
        `Clusters ${list(s.clusters.map(name))}: core NATS needs no quorum; the servers left keep serving, and each cluster's clients reconnect to its other servers.`,
      );
      continue;
    }
    if (s.standalone) {
      out.push(`Cluster ${name(s.clusters[0])} is one standalone JetStream server: while it is down, so are its streams and its clients.`);
      continue;
    }
    const meta = s.meta!;
    out.push(
      `JetStream meta group of ${list(s.clusters.map((c) => `cluster ${name(c)}`))}: ${meta.servers} server${meta.servers === 1 ? '' : 's'}, a quorum of ${meta.quorum}; it survives any ${meta.tolerates} lost server${meta.tolerates === 1 ? '' : 's'}, wherever they are.`,
    );
    for (const l of s.serverLoss) {
      out.push(
        l.tolerated > 0
          ? `Cluster ${name(l.cluster)} (${l.servers} servers): a stream with ${l.streamReplicas} replicas there survives any ${l.tolerated} of them lost.`
          : `Cluster ${name(l.cluster)} (${l.servers} server${l.servers === 1 ? '' : 's'}): a stream there (at most ${l.streamReplicas} replica${l.streamReplicas === 1 ? '' : 's'}) stops when any of its servers is lost.`,
      );
    }
    for (const l of s.clusterLoss) {
      // Past a few, the others are counted, not named: a system of 50 would name 49 clusters in each of 50 lines.
      const others = s.clusters.length - 1 > NAMED_OTHERS ? null : s.clusters.filter((c) => c !== l.cluster).map(name);
      const rest = others ? list(others) : `the other ${s.clusters.length - 1} clusters`;
      const core = others?.length === 1 ? `in ${others[0]}` : `between ${rest}`;
      out.push(
        l.jetstreamContinues
          ? `Losing cluster ${name(l.cluster)}: JetStream continues in ${rest} (${l.metaLeft} of ${meta.servers} meta servers left, quorum ${meta.quorum}); streams placed in ${name(l.cluster)} wait for it; core NATS keeps working ${core}.`
          : `Losing cluster ${name(l.cluster)}: JetStream stops everywhere (${l.metaLeft} of ${meta.servers} meta servers left, quorum ${meta.quorum}); core NATS keeps working ${core}.`,
      );
    }
  }
  return out;
}

const plain = (cluster: string) => cluster;

/** The most other clusters a "Losing cluster" line names; more are counted. */
const NAMED_OTHERS = 4;

function list(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

/**
 * The smallest extra cluster that lets a system lose any one of its clusters and keep a meta quorum, or null when it
 * already can (or has one cluster, or no meta group). Losing cluster x leaves N + k − n_x of N + k servers.
 */
export function tieBreaker(system: SystemSurvival): number | null {
  if (!system.meta || system.clusterLoss.length === 0 || system.clusterLoss.every((l) => l.jetstreamContinues)) return null;
  const total = system.meta.servers;
  const largest = Math.max(...system.clusterLoss.map((l) => l.servers));
  for (let k = 1; ; k++) if (total + k - largest >= quorum(total + k)) return k;
}
