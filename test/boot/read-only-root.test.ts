/**
 * `security.restrictedPods` sets `readOnlyRootFilesystem`: the server may write only where the pod gives it a
 * volume (the JetStream store and the pid file's folder). This boots a server of the local target in a mount
 * namespace whose whole root filesystem is read-only, with tmpfs over exactly those two folders, and stores a
 * message; the control leaves the store read-only and JetStream must fail.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { parseTopology } from '../../src/core/parse/parse-topology';
import { renderLocalTarget, LOCAL_DIR } from '../../src/core/local/local-target';
import { localServers } from '../../src/core/local/plan';
import { LOCAL_PATHS } from '../../src/core/local/addressing';
import { fixedPasswords } from '../support/fixtures';
import { describeEachServerWithCli, IN_CI } from '../support/tools';
import { parseSecretsEnv, pickBase, PORT_BANDS, waitFor } from './harness';

const CAN_UNSHARE = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
if (!CAN_UNSHARE && IN_CI) throw new Error('the read-only root test needs root and unshare');
if (!CAN_UNSHARE) console.warn('\n*** not root or no unshare: skipping the read-only root filesystem test ***\n');

const r = parseTopology({ version: 1, name: 'ro', accounts: [{ name: 'APP', jetstream: true, users: ['app'] }], clusters: [{ name: 'a', replicas: 1 }] });
if (!r.ok) throw new Error(JSON.stringify(r.errors));
const topology = r.topology;
const passwords = fixedPasswords(topology);

/** Starts the one server with `/` read-only and tmpfs over `writable` (folders of the local target). */
async function startReadOnly(
  binary: string,
  writable: string[],
): Promise<{ child: ChildProcess; output: () => string; monitor: number; client: number; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'read-only-root-'));
  const basePort = await pickBase(PORT_BANDS.readOnlyRoot, 1);
  for (const f of renderLocalTarget(topology, passwords, { basePort })) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.content);
  }
  const local = join(dir, LOCAL_DIR);
  const [server] = localServers(topology, { basePort });
  for (const sub of writable) await mkdir(join(local, sub), { recursive: true });
  const secrets = parseSecretsEnv(await readFile(join(local, 'secrets.env'), 'utf8'));
  // The folders exist before / turns read-only; a tmpfs over each is all the server may write to.
  const script = ['set -e', 'mount -o remount,bind,ro /', ...writable.map((w) => `mount -t tmpfs tmpfs ${JSON.stringify(join(local, w))}`), 'exec "$@"'].join(
    '\n',
  );
  const child = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script, 'sh', binary, '-c', join(local, LOCAL_PATHS.conf(server.name))], {
    cwd: local,
    env: { PATH: process.env.PATH ?? '', ...secrets },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out, monitor: server.ports.monitor, client: server.ports.client, dir };
}

async function stop(run: { child: ChildProcess; dir: string }): Promise<void> {
  if (run.child.exitCode === null) {
    const exited = new Promise((res) => run.child.once('exit', res));
    run.child.kill('SIGTERM');
    await exited;
  }
  await rm(run.dir, { recursive: true, force: true });
}

(CAN_UNSHARE ? describeEachServerWithCli : () => undefined)('a server on a read-only root filesystem', (server, cli) => {
  it('runs and stores messages when only the store and the pid folder are writable', async () => {
    // given: the local folders a pod mounts (store and pid file); logs go to stdout as in a pod
    const run = await startReadOnly(server.path, ['data', 'run']);
    try {
      const label = { label: 'read-only root', logTails: async () => run.output() };
      // when it is up
      await waitFor(label, 'healthz', async () => {
        const res = await fetch(`http://127.0.0.1:${run.monitor}/healthz?js-enabled-only=true`).catch(() => null);
        return res?.status === 200 ? [] : [`healthz ${res?.status ?? 'unreachable'}`];
      });
      // then a file stream takes a message
      const nats = (...args: string[]) =>
        spawnSync(cli, ['--no-context', '--server', `nats://127.0.0.1:${run.client}`, '--user', 'app', '--password', passwords.get('app')!, ...args], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', HOME: run.dir },
        });
      expect(nats('stream', 'add', 'RO', '--subjects', 'ro.>', '--storage', 'file', '--defaults').status).toBe(0);
      expect(nats('pub', 'ro.1', 'stored').status).toBe(0);
      expect(JSON.parse(nats('stream', 'info', 'RO', '--json').stdout).state.messages).toBe(1);
      expect(run.output()).not.toMatch(/read-only file system/i);
    } finally {
      await stop(run);
    }
  });

  it('fails when the store is not writable: the control that the root really is read-only', async () => {
    // given / when: only the pid folder is writable
    const run = await startReadOnly(server.path, ['run']);
    try {
      const label = { label: 'read-only store', logTails: async () => run.output() };
      // then the server says why JetStream cannot start
      await waitFor(label, 'a read-only error', async () => (/read-only file system/i.test(run.output()) ? [] : ['no read-only error yet']));
    } finally {
      await stop(run);
    }
  });
});
