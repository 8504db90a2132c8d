import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { renderBundle, serializeTopology, TEMPLATES, zipBundle } from '../src/core';
import { fixedPasswords } from './support/fixtures';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bundle zip', () => {
  const topology = TEMPLATES[0].topology();
  const files = renderBundle(topology, { passwords: fixedPasswords(topology) });

  it('holds exactly the bundle files under one top folder', () => {
    const entries = unzipSync(zipBundle(files, topology.name));
    expect(Object.keys(entries)).toEqual(files.map((f) => `noetl-supercluster/${f.path}`));
    for (const f of files) expect(strFromU8(entries[`noetl-supercluster/${f.path}`])).toBe(f.content);
  });

  it('has pinned bytes, so an accidental change in zipping fails', () => {
    expect(sha256(zipBundle(files, topology.name))).toMatchInlineSnapshot(`"07fb8db7ed712bf943676f5cf26fe492f411e39bb3dad0e81e54f238bfee974e"`);
  });

  it('gives the same bytes in time zones east and west of UTC', () => {
    // Given the CLI run under two time zones (zip stores local time; a UTC date would differ and throw west of UTC)
    const file = join(dir, 'noetl.yaml');
    writeFileSync(file, serializeTopology(topology));
    const zipIn = (tz: string) => {
      const out = join(dir, `${tz.replace('/', '-')}.zip`);
      const script = `import { readFileSync, writeFileSync } from 'node:fs';
        import { parseTopology, renderBundle, zipBundle } from './src/core/index.ts';
        const r = parseTopology(readFileSync(${JSON.stringify(file)}, 'utf8'));
        const pw = Object.fromEntries(['sys', 'noetl'].map((u) => [u, 'P' + u.padEnd(31, 'x')]));
        writeFileSync(${JSON.stringify(out)}, zipBundle(renderBundle(r.topology, { passwords: pw }), r.topology.name));`;
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: tz } });
      return sha256(readFileSync(out));
    };
    // Then the bytes are identical
    expect(zipIn('America/Los_Angeles')).toBe(zipIn('Asia/Tokyo'));
  });
});
