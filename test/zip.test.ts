import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { renderBundle, renderLocalTarget, serializeTopology, TEMPLATES, zipBundle } from '../src/core';
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

  it('gives the files with passwords mode 0600, the scripts 0755, the rest 0644', () => {
    const local = renderLocalTarget(topology, fixedPasswords(topology));
    const modes = entryModes(zipBundle([...files, ...local], topology.name));
    expect(modes.get('noetl-supercluster/secret.yaml')).toBe(0o600);
    expect(modes.get('noetl-supercluster/local/secrets.env')).toBe(0o600);
    expect(modes.get('noetl-supercluster/local/start.sh')).toBe(0o755);
    expect(modes.get('noetl-supercluster/README.md')).toBe(0o644);
    expect([...modes.values()].filter((m) => m === 0o600)).toHaveLength(2);
  });

  it('has pinned bytes, so an accidental change in zipping fails', () => {
    expect(sha256(zipBundle(files, topology.name))).toMatchInlineSnapshot(`"fbf51d618c7944a92f720fc2c4c4dd1b2360ad90eca1260a78d31d860ab91a29"`);
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
        const pw = new Map(['sys', 'noetl'].map((u) => [u, 'P' + u.padEnd(31, 'x')]));
        writeFileSync(${JSON.stringify(out)}, zipBundle(renderBundle(r.topology, { passwords: pw }), r.topology.name));`;
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { env: { ...process.env, TZ: tz } });
      return sha256(readFileSync(out));
    };
    // Then the bytes are identical
    expect(zipIn('America/Los_Angeles')).toBe(zipIn('Asia/Tokyo'));
  });
});

/** Each entry's Unix permission bits, from the zip's central directory (external attributes, high 16 bits). */
function entryModes(zip: Uint8Array): Map<string, number> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const modes = new Map<string, number>();
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(i + 28, true);
    const name = strFromU8(zip.subarray(i + 46, i + 46 + nameLength));
    modes.set(name, (view.getUint32(i + 38, true) >>> 16) & 0o777);
    i += 45 + nameLength;
  }
  return modes;
}
