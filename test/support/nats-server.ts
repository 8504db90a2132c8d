import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The real server our tests run: Debian's package in CI (`/usr/sbin/nats-server`), or any on PATH. */
export function natsServerPath(): string | null {
  if (existsSync('/usr/sbin/nats-server')) return '/usr/sbin/nats-server';
  const which = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/**
 * Whether tests that need nats-server may run. In CI its absence is a failure, never a skip: the check that
 * every rendered conf is accepted by the real server must not silently vanish.
 */
export function requireNatsServer(): string | null {
  const path = natsServerPath();
  if (!path && process.env.CI === 'true') throw new Error('nats-server is not installed, and CI=true: install it (apt-get install nats-server)');
  if (!path) console.warn('\n*** nats-server not found: skipping the tests that run it. Install it: apt-get install nats-server ***\n');
  return path;
}

export function natsServerVersion(path: string): string {
  return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
}
