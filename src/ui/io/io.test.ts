import { describe, expect, it } from 'vitest';
import { parseTopology, passwordUsers, renderBundle, SAFE_PASSWORD, SHARE_LIMITS, templateById, zipBundle } from '../../core';
import { bundlePasswords, bundleZip, passwordProblem, unsafePathNames } from './bundle';
import { formatParseError, looksLikeTopology } from './import';
import { isShareHash, shareLink } from './share';

const noetl = () => templateById('noetl')!.topology();
/** Counts up from `seed`: deterministic "random" bytes for tests. */
const counting = (seed = 0) => {
  let n = seed;
  return (len: number) => Uint8Array.from({ length: len }, () => n++ % 256);
};

describe('typed passwords', () => {
  it('accepts exactly what SAFE_PASSWORD accepts, and blank (random)', () => {
    for (const pw of ['', 'Abcdefghijkl', 'a.b_c~d-e123456', 'Z'.repeat(128)]) expect(passwordProblem(pw)).toBeNull();
    for (const pw of ['1abcdefghijkl', 'short', 'has space in it', 'quote"quote"q', 'hash#hash#hash', 'semi;colon;pass', 'Z'.repeat(129), '-leadingdash12']) {
      expect(passwordProblem(pw)).not.toBeNull();
      expect(SAFE_PASSWORD.test(pw)).toBe(false);
    }
  });

  it('uses typed passwords, random ones for blank users, and ignores users the design does not have', () => {
    const t = noetl();
    const typed = new Map([
      ['noetl', 'NoetlPassword002'],
      ['sys', ''],
      ['ghost', 'GhostPassword1'],
    ]);
    const out = bundlePasswords(t, typed, counting());
    expect([...out.keys()].sort()).toEqual(passwordUsers(t).sort());
    expect(out.get('noetl')).toBe('NoetlPassword002');
    expect(out.get('sys')).toMatch(/^[A-Za-z][A-Za-z0-9]{31}$/);
  });
});

describe('the bundle zip', () => {
  it('is zipBundle of renderBundle under the topology name, named <name>.zip', () => {
    const t = noetl();
    const passwords = bundlePasswords(t, new Map(), counting(7));
    const zip = bundleZip(t, passwords);
    expect(zip.filename).toBe('noetl-supercluster.zip');
    expect(zip.bytes).toEqual(zipBundle(renderBundle(t, { passwords }), 'noetl-supercluster'));
    expect(zip.fileCount).toBe(renderBundle(t).length);
  });

  it('refuses names that would leave their folder inside the zip', () => {
    const t = noetl();
    expect(unsafePathNames(t)).toEqual([]);
    expect(unsafePathNames({ ...t, name: '../../etc' })).toEqual(['../../etc']);
    expect(
      unsafePathNames({
        ...t,
        clusters: [
          { ...t.clusters[0], name: '..' },
          { ...t.clusters[1], name: 'a\\b' },
        ],
      }),
    ).toEqual(['..', 'a\\b']);
  });
});

describe('share links', () => {
  it('put the design in the fragment of this page and measure themselves', () => {
    const link = shareLink({ origin: 'https://example.test', pathname: '/designer/' }, noetl());
    expect(link.url).toMatch(/^https:\/\/example\.test\/designer\/#v1\.[A-Za-z0-9_-]+$/);
    expect(link.length).toBe(link.url.length);
    expect(link.long).toBe(false);
    expect(link.tooLong).toBe(false);
  });

  it('warn past the length chat tools keep', () => {
    const parsed = parseTopology({
      version: 1,
      name: 'big',
      clusters: Array.from({ length: 120 }, (_, i) => ({
        name: `cluster-${i}-${(i * 7919) % 1000}`,
        region: `r${(i * 31) % 97}`,
        position: { x: i * 37, y: i * 53 },
      })),
    });
    if (!parsed.ok) throw new Error('does not parse');
    const link = shareLink({ origin: 'http://127.0.0.1', pathname: '/' }, parsed.topology);
    expect(link.length).toBeGreaterThan(SHARE_LIMITS.warnChars);
    expect(link.long).toBe(true);
  });

  it('are recognised by their hash, and nothing else is', () => {
    expect(isShareHash('#v1.abc')).toBe(true);
    expect(isShareHash('#v9.x')).toBe(true);
    expect(isShareHash('')).toBe(false);
    expect(isShareHash('#section')).toBe(false);
  });
});

describe('pasted text', () => {
  it('is a topology when its first key is version, in YAML or JSON', () => {
    expect(looksLikeTopology('version: 1\nname: x\n')).toBe(true);
    expect(looksLikeTopology('# my design\n---\nversion: 1\n')).toBe(true);
    expect(looksLikeTopology('\uFEFF  {"version": 1, "name": "x"}')).toBe(true);
    expect(looksLikeTopology('clusters:\n  - name: a\n')).toBe(false);
    expect(looksLikeTopology('{"clusters": []}')).toBe(false);
    expect(looksLikeTopology('hello')).toBe(false);
    expect(looksLikeTopology('')).toBe(false);
  });
});

describe('parse errors', () => {
  it('read as line:column path: message', () => {
    const parsed = parseTopology('version: 1\nname: x\nclusters:\n  - name: a\n    replicas: many\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(formatParseError(parsed.errors[0])).toMatch(/^5:15 clusters\[0\]\.replicas: must be a whole number/);
    expect(formatParseError({ path: '(file)', message: 'too big' })).toBe('(file): too big');
  });
});
