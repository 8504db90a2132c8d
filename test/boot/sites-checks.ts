/**
 * Checks of a design booted in network namespaces (`netns.ts`), shared by the multi-site boot test files: a request
 * across sites, a stream placed in a cluster of another site, and one JetStream meta group seen by the system user.
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { siteOf } from '../../src/core/conf/placement';
import type { LocalServer } from '../../src/core/local/plan';
import { retry } from './harness';
import type { SiteRun } from './netns';

export interface Login {
  user: string;
  password: string;
}

/** A request from `from` answered by a responder on `to`: the answer crossed the gateways between their sites. */
export async function requestAcrossSites(run: SiteRun, cli: string, from: LocalServer, to: LocalServer, login: Login): Promise<void> {
  const answer = `answered in ${to.cluster.name}`;
  const ns = run.net.sites.get(siteOf(to.cluster))!.ns;
  const responder = spawn('ip', ['netns', 'exec', ns, cli, ...run.cliConnection(to, login.user, login.password), 'reply', 'svc.where', answer], {
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '', HOME: run.dir, NO_COLOR: '1' },
  });
  try {
    const reply = await retry(`a request from ${from.cluster.name} to ${to.cluster.name}`, async () => {
      const r = await run.cli(cli, from, login.user, login.password, ['request', 'svc.where', 'hello', '--raw']);
      if (r.code !== 0 || !r.out.includes(answer)) throw new Error(r.out);
      return r.out;
    });
    expect(reply).toContain(answer);
  } finally {
    responder.kill('SIGTERM');
  }
}

/** A stream ORDERS placed in `cluster`, created and written from `from`: its info once it holds the message. */
export async function streamPlacedIn(
  run: SiteRun,
  cli: string,
  from: LocalServer,
  cluster: string,
  replicas: number,
  login: Login,
): Promise<{ cluster?: { name?: string; leader?: string } }> {
  const add = await run.cli(cli, from, login.user, login.password, [
    'stream',
    'add',
    'ORDERS',
    '--subjects',
    'orders.>',
    '--storage',
    'file',
    '--replicas',
    String(replicas),
    '--cluster',
    cluster,
    '--defaults',
  ]);
  expect(add.code, add.out).toBe(0);
  const pub = await run.cli(cli, from, login.user, login.password, ['pub', 'orders.1', 'first order']);
  expect(pub.code, pub.out).toBe(0);
  return retry('the stream info', async () => {
    const r = await run.cli(cli, from, login.user, login.password, ['stream', 'info', 'ORDERS', '--json']);
    const parsed = JSON.parse(r.out) as { cluster?: { name?: string; leader?: string }; state?: { messages?: number } };
    if (parsed.state?.messages !== 1) throw new Error(r.out);
    return parsed;
  });
}

/** `nats server check meta` as the system user from `at`: one meta group of `servers`. */
export async function expectOneMetaGroup(run: SiteRun, cli: string, at: LocalServer, login: Login, servers: number): Promise<void> {
  const meta = await run.cli(cli, at, login.user, login.password, [
    'server',
    'check',
    'meta',
    '--expect',
    String(servers),
    '--lag-critical',
    '1000',
    '--seen-critical',
    '10s',
  ]);
  expect(meta.out).toMatch(/^OK/m);
}
