/** Real NATS clients against a booted local target: request/reply across gateways, placement, auth. */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager, StorageType, type PubAck, type StreamInfo } from '@nats-io/jetstream';
import { GATEWAY_CREDENTIAL, passwordEnvVar, ROUTE_CREDENTIAL } from '../../src/core/names';
import { passwordUsers } from '../../src/core/bundle/passwords';
import { gatewaySystems, needsClusterBlock, remotesOf } from '../../src/core/conf/topology-facts';
import type { LocalServer } from '../../src/core/local/plan';
import { retry, type Boot } from './harness';

/** Who a client logs in as: nobody (no account has users) or a user with the password from secrets.env. */
export interface Identity {
  user?: string;
  pass?: string;
}

export function password(b: Boot, user: string): string {
  const v = b.secrets[passwordEnvVar(user)];
  if (v === undefined) throw new Error(`secrets.env has no ${passwordEnvVar(user)} for user ${user}`);
  return v;
}

/**
 * The identity for application traffic: without users anywhere, no credentials (the global account, which
 * has JetStream when no other account is defined); otherwise the first user of the first account with users
 * (with JetStream when `jetstream`). Null when no account fits.
 */
export function appIdentity(b: Boot, jetstreamNeeded: boolean): Identity | null {
  const accounts = b.topology.accounts.filter((a) => a.users.length > 0);
  if (accounts.length === 0) return {};
  const account = accounts.find((a) => !jetstreamNeeded || a.jetstream);
  if (!account) return null;
  const user = account.users[0];
  return { user, pass: password(b, user) };
}

export async function connectTo(b: Boot, s: LocalServer, who: Identity): Promise<NatsConnection> {
  const ca = b.caFile(s);
  return connect({ servers: b.clientUrl(s), ...who, name: `boot-test-${s.name}`, reconnect: false, timeout: 3_000, ...(ca ? { tls: { caFile: ca } } : {}) });
}

async function withConnection<T>(b: Boot, s: LocalServer, who: Identity, fn: (nc: NatsConnection) => Promise<T>): Promise<T> {
  const nc = await connectTo(b, s, who);
  try {
    return await fn(nc);
  } finally {
    await nc.close();
  }
}

/** The first server, and the last cluster of its gateway system (the same cluster when it is alone). */
export function farEnds(b: Boot): { near: LocalServer; far: LocalServer; farCluster: string } {
  const near = b.servers[0];
  const system = gatewaySystems(b.topology).find((names) => names.includes(near.cluster.name)) ?? [near.cluster.name];
  const farCluster = system[system.length - 1];
  const far = b.servers.filter((s) => s.cluster.name === farCluster).at(-1)!;
  return { near, far, farCluster };
}

/**
 * A responder on the last server of the far cluster answers a request sent to the first server. Gateway
 * interest takes a moment to spread, so the request is retried until a deadline. Returns the answer.
 */
export async function requestAcross(b: Boot): Promise<string> {
  const who = appIdentity(b, false)!;
  const { near, far } = farEnds(b);
  const responder = await connectTo(b, far, who);
  try {
    responder.subscribe('boot.echo', { callback: (_err, msg) => void msg.respond(`${far.name} got ${msg.string()}`) });
    await responder.flush();
    return await withConnection(b, near, who, (requester) =>
      retry(`request from ${near.name} to ${far.name}`, async () =>
        (await requester.request('boot.echo', `ping from ${near.name}`, { timeout: 1_000 })).string(),
      ),
    );
  } finally {
    await responder.close();
  }
}

export interface Placed {
  target: string | null;
  replicas: number;
  info: StreamInfo;
  ack: PubAck;
  after: StreamInfo;
}

/**
 * Creates a stream from the first server with `placement.cluster` = the far cluster (no placement for a
 * standalone server, which has no cluster), as many replicas as that cluster has up to 3, and publishes a message.
 */
export async function placeStream(b: Boot): Promise<Placed> {
  const who = appIdentity(b, true);
  if (!who) throw new Error('no account with JetStream and users');
  const { near, farCluster } = farEnds(b);
  const cluster = b.servers.find((s) => s.cluster.name === farCluster)!.cluster;
  const clustered = needsClusterBlock(cluster, remotesOf(b.topology, farCluster).length);
  const target = clustered ? farCluster : null;
  const replicas = Math.min(3, cluster.replicas);
  return withConnection(b, near, who, async (nc) => {
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    // Right after the meta leader is elected, peers' placement info may lag: retry "no suitable peers".
    const info = await retry(`stream in ${target ?? 'the standalone server'}`, () =>
      jsm.streams.add({
        name: 'BOOT',
        subjects: ['boot.stream.>'],
        storage: StorageType.File,
        num_replicas: replicas,
        max_bytes: 1024 * 1024,
        ...(target ? { placement: { cluster: target, tags: [] } } : {}),
      }),
    );
    const ack = await retry('publish to BOOT', () => jetstream(nc, { timeout: 5_000 }).publish('boot.stream.one', 'hello'));
    const after = await jsm.streams.info('BOOT');
    return { target, replicas, info, ack, after };
  });
}

export interface AuthResult {
  user: string;
  ok: boolean;
  error?: string;
}

/** Connects as every user of the topology with its rendered password; returns who got in. */
export async function loginEveryUser(b: Boot): Promise<AuthResult[]> {
  const s = b.servers[0];
  const out: AuthResult[] = [];
  // Route and gateway credentials are servers', not clients': the suite checks the client port refuses them.
  for (const user of passwordUsers(b.topology).filter((u) => u !== ROUTE_CREDENTIAL && u !== GATEWAY_CREDENTIAL)) {
    out.push(await attempt(b, s, { user, pass: password(b, user) }, user));
  }
  return out;
}

/** One login attempt; never throws. */
export async function attempt(b: Boot, s: LocalServer, who: Identity, label = who.user ?? '(no credentials)'): Promise<AuthResult> {
  try {
    await withConnection(b, s, who, (nc) => nc.flush());
    return { user: label, ok: true };
  } catch (e) {
    return { user: label, ok: false, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** Messages in a stream, asked from the first server with the JetStream identity; retried while the stream's group elects a leader. */
export async function streamMessages(b: Boot, stream: string): Promise<number> {
  const who = appIdentity(b, true);
  if (!who) throw new Error('no account with JetStream and users');
  return withConnection(b, b.servers[0], who, async (nc) => {
    const jsm = await jetstreamManager(nc, { timeout: 5_000 });
    return retry(`info of stream ${stream}`, async () => (await jsm.streams.info(stream)).state.messages);
  });
}
