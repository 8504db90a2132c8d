import { gatewaySystems } from '../conf/topology-facts';
import { resolveCluster, type Topology } from '../model';

/** A subject only the README's probe uses. */
export const PROBE_SUBJECT = 'nats-box.probe';

/**
 * What the bundle README runs in the nats-box, as nats CLI arguments (the CLI's context is its environment:
 * `NATS_URL`, `NATS_USER`, `NATS_PASSWORD`). `url` gives a cluster's client address: the README passes the
 * Kubernetes Service's, the boot test the local server's, so the commands users read are the ones the tests ran.
 */
export interface NatsBoxCommands {
  /** `nats server check connection`: the context connects and round-trips. */
  check: string[];
  /** `nats server list <n>`: every server of the first cluster's system answers (system account: only when there is a system user). */
  list: string[] | null;
  /** A request from the first cluster answered in another cluster of its gateway system, or null with none. */
  across: { replyCluster: string; requestCluster: string; reply: string[]; request: string[] } | null;
}

export function natsBoxCommands(topology: Topology, url: (cluster: string) => string, systemUser: boolean): NatsBoxCommands {
  const first = topology.clusters[0]?.name;
  // The servers the first cluster's system answers with: its own and those of every cluster gateways join it to.
  const system = new Set(first === undefined ? [] : (gatewaySystems(topology).find((s) => s.includes(first)) ?? [first]));
  const seen = new Set<string>();
  const servers = topology.clusters
    .filter((c) => system.has(c.name) && !seen.has(c.name) && seen.add(c.name))
    .reduce((n, c) => n + resolveCluster(topology, c).replicas, 0);
  const far = [...system].find((n) => n !== first);
  return {
    check: ['server', 'check', 'connection'],
    list: systemUser ? ['server', 'list', String(servers)] : null,
    across:
      first === undefined || far === undefined
        ? null
        : {
            replyCluster: far,
            requestCluster: first,
            reply: ['reply', '--server', url(far), PROBE_SUBJECT, `pong from ${far}`, '--count', '1'],
            request: ['request', '--server', url(first), PROBE_SUBJECT, 'ping'],
          },
  };
}
