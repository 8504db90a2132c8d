// Findings 3, 4 and 8: what the CLI writes stays inside the output, secrets are for their owner only, and a write
// that fails says why with an exit code of its own and leaves nothing behind.
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeTopology, TEMPLATES } from '../../src/core';
import { cli } from '../support/cli';
import { writeTree } from '../../src/cli/write-files';
import { CliError } from '../../src/cli/io';
import { cpuMillis } from '../support/cpu-time';

const dir = mkdtempSync(join(tmpdir(), 'cli-writes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const noetl = join(dir, 'noetl.yaml');
writeFileSync(noetl, serializeTopology(TEMPLATES[0].topology()));

/** A fresh folder with a file outside any bundle that a link may point at. */
function setup(name: string): { out: string; outside: string; victim: string } {
  const out = join(dir, name, 'out');
  const outside = join(dir, name, 'outside');
  mkdirSync(out, { recursive: true });
  mkdirSync(outside, { recursive: true });
  const victim = join(outside, 'victim');
  writeFileSync(victim, 'untouched\n');
  return { out, outside, victim };
}

function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

describe('render --out never writes through a symbolic link', () => {
  it.each([
    ['README.md', 'kubernetes'],
    ['secret.yaml', 'kubernetes'],
    ['local/start.sh', 'local'],
    ['local/secrets.env', 'local'],
  ])('refuses a link at %s (%s), writes nothing, and leaves its target alone', (file, target) => {
    const { out, victim } = setup(`link-${file.replace(/\W/g, '_')}`);
    mkdirSync(join(out, 'local'), { recursive: true });
    symlinkSync(victim, join(out, file));
    const before = listing(out);

    const r = cli('render', noetl, '--out', out, '--target', target);

    expect(r.code).toBe(3);
    expect(r.err).toMatch(/is a symbolic link; refusing to (read or )?write through it/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
    expect(statSync(victim).mode & 0o777).not.toBe(0o755);
    expect(listing(out)).toEqual(before);
  });

  it('refuses a folder link (nats-conf) and writes nothing into the folder it points at', () => {
    const { out, outside } = setup('link-folder');
    symlinkSync(outside, join(out, 'nats-conf'));
    const r = cli('render', noetl, '--out', out);
    expect(r.code).toBe(3);
    expect(r.err).toContain(`${join(out, 'nats-conf')} is a symbolic link`);
    expect(listing(outside)).toEqual(['victim']);
    expect(readdirSync(out)).toEqual(['nats-conf']);
  });

  it('replaces a link at the zip path only by refusing it', () => {
    const { outside, victim } = setup('link-zip');
    const zip = join(outside, 'b.zip');
    symlinkSync(victim, zip);
    expect(cli('render', noetl, '--zip', zip).code).toBe(3);
    expect(readFileSync(victim, 'utf8')).toBe('untouched\n');
  });
});

describe('files with passwords', () => {
  it('are written 0600: secret.yaml, local/secrets.env and the zip, even over an older 0644 file', () => {
    const { out } = setup('modes');
    expect(cli('render', noetl, '--out', out).code).toBe(0);
    writeFileSync(join(out, 'old.zip'), 'x', { mode: 0o644 });
    expect(cli('render', noetl, '--target', 'local', '--out', out, '--zip', join(out, 'b.zip')).code).toBe(0);
    const mode = (f: string) => statSync(join(out, f)).mode & 0o777;
    expect(mode('secret.yaml')).toBe(0o600);
    expect(mode('local/secrets.env')).toBe(0o600);
    expect(mode('b.zip')).toBe(0o600);
    expect(mode('local/start.sh')).toBe(0o755);
    expect(mode('README.md') & 0o044).toBe(0o044);
    // And a render over a Secret someone made readable makes it private again.
    chmodSync(join(out, 'secret.yaml'), 0o644);
    expect(cli('render', noetl, '--out', out).code).toBe(0);
    expect(mode('secret.yaml')).toBe(0o600);
    expect(listing(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('write errors', () => {
  it('say why in one line with exit 3, never a stack trace', () => {
    const { out, outside } = setup('errors');
    const file = join(outside, 'a-file');
    writeFileSync(file, 'x');
    const cases: [string[], RegExp][] = [
      [['render', noetl, '--zip', '/dev/full'], /cannot write \/dev\/full: no space left on the device \(ENOSPC\)/],
      [['render', noetl, '--out', file], /is not a folder; nothing was written/],
      [['render', noetl, '--zip', join(outside, 'missing', 'b.zip')], /the folder .*missing does not exist; nothing was written/],
      [['init', 'light', outside, '--force'], /is a folder; nothing was written/],
    ];
    for (const [argv, message] of cases) {
      const r = cli(...argv);
      expect(r.code, argv.join(' ')).toBe(3);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect(listing(out)).toEqual([]);
  });

  it('leave no file, temporary file or folder behind when one file of the bundle cannot be written', () => {
    const root = join(dir, 'partial', 'new');
    // A name the file system takes, but not with the temporary suffix: the write fails after the first file.
    const long = 'x'.repeat(250);
    let thrown: unknown;
    try {
      writeTree(root, [
        { path: 'a.txt', content: 'a', mode: 0o644 },
        { path: `sub/${long}`, content: 'b', mode: 0o644 },
      ]);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CliError);
    expect((thrown as CliError).exitCode).toBe(3);
    expect((thrown as Error).message).toMatch(/ENAMETOOLONG.*nothing was written/);
    expect(() => lstatSync(join(dir, 'partial'))).toThrow();
  });

  it('include a design too large to render: refused before rendering, even with --force, and nothing written', { timeout: 120_000 }, () => {
    const big = join(dir, 'big.yaml');
    const users = Array.from({ length: 1000 }, (_, i) => `u${i}`);
    const accounts = Array.from({ length: 100 }, (_, a) => ({ name: `A${a}`, users: users.map((u) => `${u}-${a}`) }));
    writeFileSync(big, JSON.stringify({ version: 1, name: 'big', accounts, clusters: Array.from({ length: 500 }, (_, i) => ({ name: `c${i}` })) }));
    const out = join(dir, 'big-out');
    const { result: r, millis } = cpuMillis(() => cli('render', big, '--out', out, '--force'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('cannot render: the Kubernetes bundle would list 100001 users in each of 500 confs');
    expect(millis).toBeLessThan(10_000);
    expect(() => lstatSync(out)).toThrow();
    expect(cli('render', big, '--out', out, '--target', 'local', '--force').err).toMatch(/cannot render the local target: the local target would list/);
  });

  it('stop reading a topology file past the size limit', { timeout: 60_000 }, () => {
    const { result: r, millis } = cpuMillis(() => cli('lint', '/dev/zero'));
    expect(r.code).toBe(2);
    expect(r.err).toBe('/dev/zero: more than 6000000 bytes, too large for a topology file');
    expect(millis).toBeLessThan(5_000);
  });
});
