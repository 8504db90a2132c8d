/**
 * How much text a render of a design would write, counted from the design before anything is rendered. Every conf
 * lists every user and every other cluster of its gateway system, so output grows with clusters × users and with
 * clusters²: 500 clusters and 100 accounts sharing 1,000 users, a design that fits in a share link of 11,885
 * characters, would render gigabytes. The CLI and the designer refuse a design past {@link OUTPUT_LIMITS} before
 * they render it, and the lint names it.
 *
 * The counts are estimates from the sizes of the repeated pieces (a user entry, a route, a gateway entry, an
 * environment variable), never below the real output and within a small factor above it (`output-size.test.ts`).
 */
import { gatewaySystems } from '../conf/topology-facts';
import { resolveCluster, type Topology } from '../model';
import { passwordUsers } from './passwords';

export const OUTPUT_LIMITS = {
  /** Characters of all files together: about 32 MB, a second or two of rendering in a browser. */
  chars: 32 * 1024 * 1024,
  /** User entries of all confs together (each conf lists every user): clusters × users, or servers × users locally. */
  userEntries: 200_000,
};

export interface OutputSize {
  /** What is measured, for messages: `the Kubernetes bundle` or `the local target`. */
  what: string;
  chars: number;
  userEntries: number;
  /** Confs the render writes: one per cluster, or one per server locally. */
  confs: number;
  users: number;
}

/** Pieces of text repeated per user, cluster or link, in characters (from the templates' output, rounded up). */
const PIECE = {
  confBase: 1_200,
  accountBlock: 60,
  userEntry: 50,
  route: 60,
  gatewayEntry: 80,
  /** A StatefulSet's env entry for one password variable, without the variable's name (written twice). */
  envEntry: 170,
  /** A cluster's manifest without its conf and password variables. */
  manifestBase: 6_000,
  /** ConfigMap indentation, per conf line. */
  configMapIndent: 4,
  secretEntry: 60,
  readmeBase: 12_000,
  /** Monitoring on: a cluster's exporter sidecar and PodMonitor, and the README's section (once). */
  monitoringCluster: 2_000,
  monitoringReadme: 1_500,
  /** nats-box on: its Deployment and the README's section (with up to three cluster URLs). */
  natsBox: 4_000,
  readmeCluster: 700,
  /** TLS on: a cluster's Certificate, mounts and conf blocks; once: the CA chain and the README's section. */
  tlsCluster: 2_500,
  tlsBase: 4_000,
  /** Security switches on: a cluster's NetworkPolicy, securityContext and auth lines; once: the README's words. */
  securityCluster: 2_200,
  securityBase: 1_000,
  /** Placement: a cluster's gateway Service and advertise line; once per bundle: overlays and the README's steps. */
  placementCluster: 1_200,
  placementBase: 2_000,
  readmeUser: 40,
  topologyCluster: 200,
  topologyUser: 4,
  topologyGateway: 20,
  /** Local target: a route or gateway URL to one server on 127.0.0.1. */
  localUrl: 30,
  /** Local target: a server's lines in start.sh and in the README's tables and commands. */
  localServer: 400,
  localBase: 12_000,
  secretsEnvUser: 80,
} as const;

interface Shape {
  clusters: { name: string; replicas: number; systemNames: number; systemReplicas: number; remotes: number }[];
  users: number;
  userChars: number;
  accounts: number;
  accountChars: number;
  dnsChars: number;
  gateways: number;
  gatewayChars: number;
  /** The longest cluster name. */
  maxNameChars: number;
}

function shape(topology: Topology): Shape {
  const seen = new Set<string>();
  const unique = topology.clusters.filter((c) => !seen.has(c.name) && seen.add(c.name));
  const replicas = new Map(unique.map((c) => [c.name, resolveCluster(topology, c).replicas]));
  const systemOf = new Map<string, readonly string[]>();
  for (const system of gatewaySystems(topology)) for (const name of system) systemOf.set(name, system);
  const users = passwordUsers(topology);
  return {
    clusters: unique.map((c) => {
      const system = systemOf.get(c.name) ?? [c.name];
      const remotes = system.length > 1 ? system.length - 1 : 0;
      return {
        name: c.name,
        replicas: replicas.get(c.name) ?? 1,
        remotes,
        systemNames: remotes === 0 ? 0 : system.reduce((n, s) => n + s.length, 0),
        systemReplicas: remotes === 0 ? 0 : system.reduce((n, s) => n + (replicas.get(s) ?? 1), 0),
      };
    }),
    users: users.length,
    userChars: users.reduce((n, u) => n + u.length, 0),
    accounts: topology.accounts.length,
    accountChars: topology.accounts.reduce((n, a) => n + a.name.length, 0),
    dnsChars: topology.namespace.length + topology.clusterDomain.length,
    gateways: topology.gateways.length,
    gatewayChars: topology.gateways.reduce((n, [a, b]) => n + a.length + b.length, 0),
    maxNameChars: unique.reduce((n, c) => Math.max(n, c.name.length), 0),
  };
}

/** The users' part of any conf: every account's block and every user's entry. */
function accountsChars(s: Shape): number {
  return s.accounts * PIECE.accountBlock + s.accountChars + s.users * PIECE.userEntry + 2 * s.userChars;
}

/** The Kubernetes bundle of `topology` (what `render` and the designer's download write). */
export function bundleOutputSize(topology: Topology): OutputSize {
  const s = shape(topology);
  const accounts = accountsChars(s);
  const envVars = s.users * (PIECE.envEntry + 2 * 14) + 2 * s.userChars;
  let chars = PIECE.readmeBase + s.users * PIECE.readmeUser + 2 * s.userChars;
  const monitoring = topology.monitoring?.exporter === true;
  if (monitoring) chars += PIECE.monitoringReadme;
  if (topology.natsBox) chars += PIECE.natsBox + 4 * s.dnsChars + 3 * s.maxNameChars;
  const tls = Object.values(topology.defaults.tls).some(Boolean) || topology.clusters.some((c) => c.tls && Object.values(c.tls).some(Boolean));
  const security = topology.security !== undefined && Object.values(topology.security).some(Boolean);
  const placed = topology.clusters.some((c) => c.kubeContext !== undefined && c.kubeContext !== null);
  const perCluster = (tls ? PIECE.tlsCluster : 0) + (security ? PIECE.securityCluster : 0) + (placed ? PIECE.placementCluster : 0);
  chars += (tls ? PIECE.tlsBase : 0) + (security ? PIECE.securityBase : 0) + (placed ? PIECE.placementBase : 0);
  chars += s.clusters.length * perCluster;
  chars += s.users * PIECE.secretEntry + s.userChars;
  chars += s.clusters.length * PIECE.topologyCluster + s.users * PIECE.topologyUser + s.userChars + s.gatewayChars + s.gateways * PIECE.topologyGateway;
  for (const c of s.clusters) {
    const routes = c.replicas * (PIECE.route + 2 * c.name.length + s.dnsChars);
    const gateways = c.remotes * (PIECE.gatewayEntry + s.dnsChars) + 2 * c.systemNames;
    const conf = PIECE.confBase + 3 * c.name.length + accounts + routes + gateways;
    const lines = 40 + s.accounts * 4 + s.users + c.replicas + c.remotes;
    // The conf file, its copy in the ConfigMap, and the StatefulSet that reads every password variable.
    chars += 2 * conf + lines * PIECE.configMapIndent + PIECE.manifestBase + envVars;
    if (monitoring) chars += PIECE.monitoringCluster + 4 * c.name.length + s.dnsChars;
    chars += PIECE.readmeCluster + 2 * c.name.length + c.systemNames + 4 * c.remotes;
  }
  return { what: 'the Kubernetes bundle', chars, userEntries: s.clusters.length * s.users, confs: s.clusters.length, users: s.users };
}

/** The local target of `topology` (`render --target local`): one conf per server. */
export function localOutputSize(topology: Topology): OutputSize {
  const s = shape(topology);
  const accounts = accountsChars(s);
  let chars = PIECE.localBase + s.users * PIECE.secretsEnvUser + 2 * s.userChars;
  chars += s.clusters.length * PIECE.topologyCluster + s.users * PIECE.topologyUser + s.userChars + s.gatewayChars + s.gateways * PIECE.topologyGateway;
  let servers = 0;
  for (const c of s.clusters) {
    // Each server routes to every server of its cluster and lists every server of every other cluster of its system.
    const conf =
      PIECE.confBase +
      3 * c.name.length +
      accounts +
      c.replicas * PIECE.localUrl +
      c.remotes * PIECE.gatewayEntry +
      2 * c.systemNames +
      (c.systemReplicas - c.replicas) * PIECE.localUrl;
    chars += c.replicas * (conf + PIECE.localServer + 4 * c.name.length);
    servers += c.replicas;
  }
  return { what: 'the local target', chars, userEntries: servers * s.users, confs: servers, users: s.users };
}

/** Why a render of this size is refused, or null when it is not. */
export function outputSizeProblem(size: OutputSize): string | null {
  if (size.userEntries > OUTPUT_LIMITS.userEntries) {
    return (
      `${size.what} would list ${size.users} users in each of ${size.confs} confs, ${size.userEntries} user entries in all; ` +
      `at most ${OUTPUT_LIMITS.userEntries} are rendered`
    );
  }
  if (size.chars > OUTPUT_LIMITS.chars) {
    return `${size.what} would be about ${megabytes(size.chars)} MB of text; at most ${megabytes(OUTPUT_LIMITS.chars)} MB are rendered`;
  }
  return null;
}

function megabytes(chars: number): string {
  return (chars / 1024 / 1024).toFixed(chars < 10 * 1024 * 1024 ? 1 : 0);
}
