import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint';
import { parseTopology, renderBundle } from '../src/core';
import { run } from '../src/cli/main';
import { cpuMillis } from './support/cpu-time';

const base = (clusters: string) => `version: 1\nname: x\nclusters:\n${clusters}`;

/** Hostile or broken files: each must give a clear error and never crash. */
const CASES: [string, unknown, RegExp][] = [
  ['empty text', '', /empty/],
  ['a bare string', 'hello', /mapping/],
  ['a list at the top', '- 1\n- 2\n', /mapping/],
  ['JSON null', 'null', /empty/],
  ['wrong type for name', 'version: 1\nname: [1, 2]\n', /name.*must be text|must be text/],
  ['replicas as text', base('  - name: a\n    replicas: "3"\n'), /whole number/],
  ['replicas fractional', base('  - name: a\n    replicas: 2.5\n'), /whole number/],
  ['huge replicas', base('  - name: a\n    replicas: 1e308\n'), /whole number/],
  ['infinite coordinate', base('  - name: a\n    position: { x: .inf, y: 0 }\n'), /number between/],
  ['huge memory', base('  - name: a\n    resources: { limits: { memory: 999999999Ei } }\n'), /out of range/],
  ['negative memory', base('  - name: a\n    resources: { limits: { memory: -1Gi } }\n'), /not a Kubernetes quantity/],
  ['a newline in a name', base('  - name: "a\\nb"\n'), /control characters/],
  ['a name of 10,000 characters', base(`  - name: ${'a'.repeat(10_000)}\n`), /at most 253/],
  ['gateways not pairs', 'version: 1\nname: x\ngateways: [[a, b, c]]\n', /pair of cluster names/],
  ['10,000 clusters', { version: 1, name: 'x', clusters: Array.from({ length: 10_000 }, (_, i) => ({ name: `c${i}` })) }, /at most 500/],
  [
    'a billion-laughs alias bomb',
    `a: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`,
    /alias|[Ee]xcessive|unknown key/,
  ],
  ['a prototype-pollution key', '{"version":1,"name":"x","__proto__":{"polluted":true}}', /unknown key/],
  ['a 3 MB text', `# ${'x'.repeat(3_000_000)}\n`, /at most/],
  ['2 MB of nested [', '['.repeat(1_999_999), /nested more than 64 levels deep/],
  ['2 MB of nested { in JSON', '{"a":'.repeat(399_999), /nested more than 64 levels deep/],
  ['a million nested sequences', '- '.repeat(999_999), /nested more than 64 levels deep/],
  ['deeply indented mappings', Array.from({ length: 1_500 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), /nested more than 64 levels deep/],
  ['100,000 repeated keys', Array.from({ length: 100_000 }, (_, i) => `k${i % 10}: 1`).join('\n'), /Map keys must be unique/],
];

describe('hostile and broken topology files', () => {
  it.each(CASES)('%s: a clear error, no crash', (_name, input, message) => {
    const r = parseTopology(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads a file of 100,000 unknown keys in linear time, listing the first 100 errors', { timeout: 120_000 }, () => {
    // Duplicate keys were checked pair by pair, and each error's position searched from the start of its mapping:
    // 190,000 keys took 7 minutes 44 seconds.
    const text = `version: 1\nname: x\n${Array.from({ length: 100_000 }, (_, i) => `k${i}: 1`).join('\n')}`;
    const { result: r, millis } = cpuMillis(() => parseTopology(text));
    expect(millis).toBeLessThan(15_000);
    expect(!r.ok && r.errors).toHaveLength(101);
    expect(!r.ok && r.errors.at(-1)!.message).toBe('99900 more errors; only the first 100 are listed');
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'k0', line: 3, column: 1 });
  });

  it('stops at the nesting limit at once, where the text goes past it', { timeout: 60_000 }, () => {
    const { result: r, millis } = cpuMillis(() => parseTopology(`version: 1\nname: ${'['.repeat(1_999_000)}`));
    expect(millis).toBeLessThan(1_000);
    expect(!r.ok && r.errors).toEqual([
      { path: '(syntax)', message: 'nested more than 64 levels deep; a topology needs a few', line: 2, column: expect.any(Number) },
    ]);
  });

  it('renders names with quotes and braces as escaped strings, and the lint names them', () => {
    // Given a name that would close a string and open a block in nats.conf
    const r = parseTopology(base('  - name: \'a" } include "/etc/passwd\'\n'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // When it is rendered anyway
    const conf = renderBundle(r.topology).find((f) => f.path.startsWith('nats-conf/'))!.content;
    // Then it stays inside a quoted string, and the lint reports an error on the name
    expect(conf).toContain('name: "a\\" } include \\"/etc/passwd"');
    expect(conf).not.toMatch(/^\s*include /m);
    expect(lint(r.topology).some((p) => p.severity === 'error' && p.target.kind === 'cluster')).toBe(true);
  });

  it('keeps unicode names out of Kubernetes names through the lint', () => {
    const r = parseTopology(base('  - name: ünïcødé\n'));
    expect(r.ok && lint(r.topology).some((p) => p.severity === 'error')).toBe(true);
  });

  it('never crashes the CLI on a broken file: exit 2 with the position', () => {
    const err: string[] = [];
    const code = run(
      ['lint', 'test/fixtures/broken.yaml'],
      () => {},
      (s) => err.push(s),
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/broken\.yaml:\d+:\d+: clusters\[0\]\.replicas/);
  });
});

describe('names that try to leave the bundle', () => {
  it('never become paths outside it, in files or in the zip', async () => {
    // Given names a share link could carry, rendered anyway (the lint calls them errors)
    const r = parseTopology({ version: 1, name: '../../evil', clusters: [{ name: '../../x' }, { name: '.hidden' }, { name: 'a/b' }, { name: 'a_b' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const files = renderBundle(r.topology);
    // Then every path is a plain relative path, and distinct names stay distinct
    for (const f of files) expect(f.path.split('/').every((seg) => seg !== '..' && seg !== '.' && !seg.startsWith('.') && seg.length > 0)).toBe(true);
    expect(new Set(files.map((f) => f.path)).size).toBe(files.length);
    const { zipBundle } = await import('../src/core');
    const { unzipSync } = await import('fflate');
    const names = Object.keys(unzipSync(zipBundle(files, r.topology.name)));
    expect(names.every((n) => !n.split('/').includes('..') && !n.startsWith('/'))).toBe(true);
  });
});

describe('names a common file system cannot hold', () => {
  it('are refused by the lint, and rendered anyway as portable paths', async () => {
    // Given Windows device names and names that differ only in case, forced past the lint
    const r = parseTopology({ version: 1, name: 'CON', clusters: [{ name: 'con' }, { name: 'nul.yaml' }, { name: 'Lpt1' }, { name: 'a' }, { name: 'A' }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(lint(r.topology).filter((p) => p.code.startsWith('FILE_NAME_')).length).toBe(5);
    // Then no file or folder of the bundle or its zip is a device name, and no two paths differ only in case
    const { zipBundle } = await import('../src/core');
    const { unzipSync } = await import('fflate');
    const files = renderBundle(r.topology);
    const names = Object.keys(unzipSync(zipBundle(files, r.topology.name)));
    const reserved = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;
    for (const path of [...files.map((f) => f.path), ...names])
      expect(
        path.split('/').some((seg) => reserved.test(seg)),
        path,
      ).toBe(false);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });
});
