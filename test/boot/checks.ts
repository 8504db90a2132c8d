/**
 * What a booted local target must show on its monitoring endpoints (the fields are in docs/nats-server.md,
 * "Monitoring fields the boot tests read").
 */
import { domainOf } from '../../src/core/conf/leafnodes';
import { remotesOf, gatewaySystems, needsClusterBlock } from '../../src/core/conf/topology-facts';
import { resolveCluster, type Topology } from '../../src/core/model';
import { bytes } from '../../src/core/quantity';
import type { LocalServer } from '../../src/core/local/plan';
import type { Boot } from './harness';

interface Varz {
  server_name: string;
  version: string;
  cluster?: { name?: string };
  gateway?: { name?: string };
  jetstream?: { config?: JsConfig };
}
interface Routez {
  num_routes: number;
  routes?: { remote_id: string }[];
}
interface Gatewayz {
  outbound_gateways?: Record<string, unknown>;
  inbound_gateways?: Record<string, unknown>;
}
interface JsConfig {
  max_memory: number;
  max_storage: number;
  domain?: string;
}
interface Jsz {
  disabled?: boolean;
  config?: JsConfig;
  meta_cluster?: { name?: string; leader?: string; cluster_size?: number; replicas?: { name: string; current?: boolean; offline?: boolean }[] };
}

/** What the design says about one server. */
export interface Expected {
  server: LocalServer;
  /** Whether its conf has a `cluster {}` block. */
  clustered: boolean;
  /** Whether its conf has a `gateway {}` block. */
  linked: boolean;
  /** Clusters it must have outbound gateways to: its gateway system minus its own cluster, sorted. */
  peers: string[];
  /** Servers of its gateway system: one JetStream meta group when clustered. */
  system: string[];
}

export function expectations(topology: Topology, servers: LocalServer[]): Expected[] {
  const systems = gatewaySystems(topology);
  return servers.map((server) => {
    const linkCount = remotesOf(topology, server.cluster.name).length;
    const system = systems.find((names) => names.includes(server.cluster.name)) ?? [server.cluster.name];
    return {
      server,
      clustered: needsClusterBlock(server.cluster, linkCount),
      linked: linkCount > 0,
      peers: system.filter((n) => n !== server.cluster.name).sort(),
      system: servers.filter((s) => system.includes(s.cluster.name)).map((s) => s.name),
    };
  });
}

interface Observation {
  e: Expected;
  varz: Varz;
  routez: Routez;
  gatewayz: Gatewayz;
  jsz: Jsz;
  healthz: { status: number; body: string };
}

/** What the checks read of a running target: the design, its servers and their monitoring endpoints. */
export type Observable = Pick<Boot, 'topology' | 'servers' | 'monitor' | 'http'>;

const sameList = (a: string[], b: string[]) => JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());

/**
 * Every way the running servers differ from the design; empty once converged: names, routes (replicas − 1),
 * outbound gateways to every other cluster of the system (inbound: per cluster, the union over its servers),
 * JetStream on with the configured domain and byte limits, one meta leader per system (standalone servers:
 * no meta group at all), and /healthz ok.
 */
export async function convergenceProblems(b: Observable): Promise<string[]> {
  const t = b.topology;
  const obs: Observation[] = await Promise.all(
    expectations(t, b.servers).map(async (e) => ({
      e,
      varz: await b.monitor<Varz>(e.server, '/varz'),
      routez: await b.monitor<Routez>(e.server, '/routez'),
      gatewayz: await b.monitor<Gatewayz>(e.server, '/gatewayz'),
      jsz: await b.monitor<Jsz>(e.server, '/jsz'),
      healthz: await b.http(e.server, '/healthz'),
    })),
  );
  const problems: string[] = [];
  const bad = (s: LocalServer, what: string, got: unknown, want: unknown) =>
    problems.push(`${s.name}: ${what} is ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);

  for (const { e, varz, routez, gatewayz, jsz, healthz } of obs) {
    const s = e.server;
    const cluster = s.cluster;
    if (varz.server_name !== s.name) bad(s, '/varz server_name', varz.server_name, s.name);
    if (e.clustered && varz.cluster?.name !== cluster.name) bad(s, '/varz cluster.name', varz.cluster?.name, cluster.name);
    if (e.linked && varz.gateway?.name !== cluster.name) bad(s, '/varz gateway.name', varz.gateway?.name, cluster.name);
    // Distinct peers, not num_routes: 2.10+ pools several connections per peer (pool_size, default 3).
    const peerServers = new Set((routez.routes ?? []).map((r) => r.remote_id)).size;
    if (peerServers !== cluster.replicas - 1) bad(s, '/routez distinct remote_id', peerServers, cluster.replicas - 1);
    if (/^2\.9\./.test(varz.version) && routez.num_routes !== cluster.replicas - 1) bad(s, '/routez num_routes', routez.num_routes, cluster.replicas - 1);
    const outbound = Object.keys(gatewayz.outbound_gateways ?? {}).sort();
    if (!sameList(outbound, e.peers)) bad(s, '/gatewayz outbound_gateways', outbound, e.peers);
    if (healthz.status !== 200) bad(s, '/healthz', `${healthz.status} ${healthz.body.trim()}`, 200);

    if (!t.jetstream.enabled) {
      if (jsz.disabled !== true) bad(s, '/jsz disabled', jsz.disabled, true);
      continue;
    }
    const spec = t.clusters.find((c) => c.name === cluster.name)!;
    const sizing = resolveCluster(t, spec).jetstream;
    // A leaf cluster has a domain of its own.
    const want = { max_memory: bytes(sizing.memoryStore), max_storage: bytes(sizing.fileStore), domain: domainOf(t, spec) };
    const configs: [string, JsConfig | undefined][] = [['/jsz config', jsz.config]];
    // /varz keeps the JetStream config it saw at its first request: one that lands before JetStream is on leaves it
    // empty for the life of the process (docs/nats-server.md, "Monitoring fields"). Empty there is no finding; /jsz is live.
    if (varz.jetstream?.config) configs.push(['/varz jetstream.config', varz.jetstream.config]);
    for (const [where, config] of configs) {
      const got = { max_memory: config?.max_memory, max_storage: config?.max_storage, domain: config?.domain || null };
      if (JSON.stringify(got) !== JSON.stringify(want)) bad(s, where, got, want);
    }
    if (jsz.disabled) bad(s, '/jsz disabled', true, false);
    if (e.clustered) {
      const meta = jsz.meta_cluster;
      if (!meta?.leader || !e.system.includes(meta.leader)) bad(s, '/jsz meta_cluster.leader', meta?.leader, `one of ${e.system.join(', ')}`);
      if (meta?.cluster_size !== e.system.length) bad(s, '/jsz meta_cluster.cluster_size', meta?.cluster_size, e.system.length);
    } else if (jsz.meta_cluster) {
      // A standalone server runs JetStream without a meta group: it is the only authority for its own API.
      bad(s, '/jsz meta_cluster', jsz.meta_cluster, undefined);
    }
  }

  // Inbound gateways land on any server of the target cluster: only the union over a cluster is fixed.
  for (const name of new Set(obs.map((o) => o.e.server.cluster.name))) {
    const mine = obs.filter((o) => o.e.server.cluster.name === name);
    const inbound = [...new Set(mine.flatMap((o) => Object.keys(o.gatewayz.inbound_gateways ?? {})))].sort();
    if (!sameList(inbound, mine[0].e.peers))
      problems.push(`cluster ${name}: /gatewayz inbound_gateways over its servers are ${JSON.stringify(inbound)}, want ${JSON.stringify(mine[0].e.peers)}`);
  }

  // One meta leader per gateway system, named the same by every server of it.
  if (t.jetstream.enabled) {
    for (const system of new Set(obs.filter((o) => o.e.clustered).map((o) => o.e.system.join(' ')))) {
      const mine = obs.filter((o) => o.e.system.join(' ') === system);
      const leaders = [...new Set(mine.map((o) => o.jsz.meta_cluster?.leader ?? '(none)'))];
      if (leaders.length !== 1) {
        problems.push(`servers ${system} name different meta leaders: ${leaders.join(', ')}`);
        continue;
      }
      // The leader sees every other server of the system as an online, current peer (what `nats server check meta` asks).
      const lead = mine.find((o) => o.e.server.name === leaders[0]);
      const peers = lead?.jsz.meta_cluster?.replicas ?? [];
      const want = mine
        .map((o) => o.e.server.name)
        .filter((n) => n !== leaders[0])
        .sort();
      const good = peers
        .filter((r) => r.current && !r.offline)
        .map((r) => r.name)
        .sort();
      if (!sameList(good, want)) problems.push(`meta leader ${leaders[0]} sees ${JSON.stringify(good)} online and current, want ${JSON.stringify(want)}`);
    }
  }
  return problems;
}
