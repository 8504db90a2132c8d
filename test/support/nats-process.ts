/**
 * One nats-server from a conf text, on ports the kernel picks (`port: -1`, `http: 127.0.0.1:-1`), so tests that
 * start many short-lived servers never collide with the port bands of the boot tests or another checkout. The
 * ports are read from the server's own log lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';
import type { Addressing } from '../../src/core/conf/addressing';
import type { NatsServerBinary } from './tools';

/** Listener lines that make a conf run on random local ports; put them at the top of the conf. */
export const RANDOM_PORTS = 'host: "127.0.0.1"\nport: -1\nhttp: "127.0.0.1:-1"\n';

/** Where the renderer puts one server of a design run alone: random local ports, no routes, gateways or leafnodes. */
export function soloAddressing(serverName: string): Addressing {
  return {
    target: 'local',
    serverName: { literal: serverName },
    host: '127.0.0.1',
    ports: { client: -1, cluster: -1, gateway: -1, monitor: -1, leafnode: -1 },
    storeDir: 'data',
    pidFile: `${serverName}.pid`,
    routeUrls: [],
    gatewayUrls: () => [],
    leafnodeUrls: () => [],
    tlsFiles: { cert: 'tls.crt', key: 'tls.key', ca: 'ca.crt' },
    gatewayAdvertise: null,
    routeEnv: (i: number) => `NATS_ROUTE_URL_${i}`,
  };
}

export interface RunningServer {
  clientUrl: string;
  monitorUrl: string;
  /** GET a monitoring endpoint as JSON. */
  monitor<T = Record<string, unknown>>(path: string): Promise<T>;
  /** Whether `user`/`pass` can log in (null: anonymous). */
  canLogIn(user: string | null, pass?: string): Promise<boolean>;
  stop(): Promise<void>;
}

/** Starts `conf` (which must listen on random ports, see {@link RANDOM_PORTS}); rejects with the log when it exits or stays silent. */
export async function startServer(binary: NatsServerBinary, conf: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nats-one-'));
  const file = join(dir, 'nats.conf');
  writeFileSync(file, conf);
  const child = spawn(binary.path, ['-c', file], { cwd: dir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const ports = await new Promise<{ client: string; monitor: string }>((resolve, reject) => {
    const timer = setTimeout(() => fail('no listener within 10 s'), 10_000);
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${binary.version}: ${why}\n${log}`));
    };
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      const client = /Listening for client connections on (127\.0\.0\.1:\d+)/.exec(log)?.[1];
      const monitor = /Starting http monitor on (127\.0\.0\.1:\d+)/.exec(log)?.[1];
      if (client && monitor) {
        clearTimeout(timer);
        resolve({ client, monitor });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(`exited with ${code}`));
  });
  const monitorUrl = `http://${ports.monitor}`;
  const clientUrl = `nats://${ports.client}`;
  return {
    clientUrl,
    monitorUrl,
    async monitor<T>(path: string) {
      const res = await fetch(`${monitorUrl}${path}`, { signal: AbortSignal.timeout(5_000) });
      return (await res.json()) as T;
    },
    async canLogIn(user, pass) {
      try {
        const nc = await connect({ servers: clientUrl, ...(user === null ? {} : { user, pass }), reconnect: false, timeout: 5_000 });
        await nc.close();
        return true;
      } catch (e) {
        if (/auth|authorization/i.test(String((e as Error).message))) return false;
        throw e;
      }
    },
    stop: () => stop(child, dir),
  };
}

function stop(child: ChildProcess, dir: string): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      rmSync(dir, { recursive: true, force: true });
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.removeAllListeners('exit');
    child.once('exit', done);
    child.kill('SIGKILL');
  });
}
