import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, parseTopology, renderBundle, serializeTopology, type Topology } from '../src/core';
import { migrate, type Migration } from '../src/core/format/migrations';
import { readAutosave } from '../src/ui/store/autosave';
import { MemoryStorage } from '../src/ui/testing/memory-storage';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/v1/${name}`, import.meta.url), 'utf8');

function fromFile(): Topology {
  const r = parseTopology(fixture('topology.yaml'));
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('a version-1 design, kept forever', () => {
  it('opens as a file', () => {
    const t = fromFile();
    expect(t.name).toBe('kept-forever');
    expect(t.clusters.map((c) => c.name)).toEqual(['east', 'west']);
    expect(t.clusters[1]).toMatchObject({ replicas: 5, resources: { limits: { cpu: null, memory: '4Gi' } }, jetstream: { storageClass: 'fast' } });
    expect(renderBundle(t).length).toBeGreaterThan(0);
    expect(parseTopology(serializeTopology(t))).toEqual({ ok: true, topology: t });
  });

  it('opens as a share link, to the same design', () => {
    const r = decodeShareFragment(fixture('share-link.txt').trim());
    expect(r).toEqual({ ok: true, topology: fromFile() });
  });

  it('opens as an autosave, with its history', () => {
    const storage = new MemoryStorage();
    storage.setItem('saved', fixture('autosave.json').trim());
    const r = readAutosave(storage, 'saved');
    expect(r).toMatchObject({ kind: 'ok', topology: fromFile(), droppedHistory: false });
    expect(r.kind === 'ok' && r.past.map((t) => t.clusters.length)).toEqual([1]);
  });
});

describe('migrations', () => {
  // A made-up version 2 that renames `image` to `serverImage`: what the next format change would add to MIGRATIONS.
  const next: Migration[] = [
    {
      to: 2,
      change: 'image is called serverImage',
      migrate: ({ image, ...rest }) => ({ ...rest, ...(image === undefined ? {} : { serverImage: image }) }),
    },
  ];

  it('bring older data up one step at a time, setting the version', () => {
    const r = migrate({ version: 1, name: 'x', image: 'nats:2.14.9-alpine' }, next);
    expect(r).toEqual({ ok: true, data: { version: 2, name: 'x', serverImage: 'nats:2.14.9-alpine' } });
  });

  it('leave current data alone, and refuse only data from a newer designer', () => {
    const current = { version: 2, name: 'x' };
    expect(migrate(current, next)).toEqual({ ok: true, data: current });
    expect(migrate({ version: 3 }, next)).toEqual({ ok: false, message: expect.stringMatching(/newer designer/) });
  });

  it('hand anything without a version on to the parser, which names it', () => {
    expect(migrate('text', next)).toEqual({ ok: true, data: 'text' });
    const r = parseTopology({ name: 'x' });
    expect(!r.ok && r.errors[0]).toMatchObject({ path: 'version' });
  });
});
