import { describe, expect, it } from 'vitest';
import { CLUSTER_FIELDS, getField, type FieldSpec } from './fields';
import { DEFAULT_CLUSTER_SETTINGS } from '../defaults';
import { resolveCluster, type Topology } from '../model';
import { parseTopology } from '../parse/parse-topology';
import { parseQuantity } from '../quantity';
import { serializeTopology } from '../bundle/topology-file';
import { renderBundle } from '../bundle/bundle';
import { createBundleRenderer } from '../bundle/incremental';
import { decodeShareFragment, encodeShareFragment } from '../share/share-link';

/** A valid value of the row other than its default. */
function sample(f: FieldSpec): number | string | boolean {
  switch (f.kind) {
    case 'integer':
      return f.default === (f.min ?? 0) + 1 ? (f.min ?? 0) + 2 : (f.min ?? 0) + 1;
    case 'cpu':
      return '3';
    case 'bytes':
      return '3Mi';
    case 'text':
      return 'fast-nvme';
    case 'boolean':
      return !f.default;
  }
}

function valid(f: FieldSpec, v: unknown): boolean {
  if (v === undefined) return true;
  if (v === null) return f.nullable === 'value';
  if (f.kind === 'integer') return typeof v === 'number' && Number.isInteger(v) && v >= (f.min ?? 0) && v <= f.max;
  if (f.kind === 'boolean') return typeof v === 'boolean';
  if (f.kind === 'text') return typeof v === 'string' && v.length > 0 && v.length <= f.max;
  const q = typeof v === 'string' ? parseQuantity(v) : null;
  return q !== null && q >= 0 && q <= f.max;
}

function parsed(data: unknown): Topology {
  const r = parseTopology(data);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

function withValue(f: FieldSpec, where: 'defaults' | 'cluster', value: unknown): Topology {
  const nested: Record<string, unknown> = {};
  let cur = nested;
  const keys = f.path.split('.');
  keys.slice(0, -1).forEach((k) => (cur = cur[k] = {} as Record<string, unknown>));
  cur[keys[keys.length - 1]] = value;
  const cluster = { name: 'a', ...(where === 'cluster' ? nested : {}) };
  return parsed({
    version: 1,
    name: 'demo',
    ...(where === 'defaults' ? { defaults: nested } : {}),
    clusters: [cluster, { name: 'b' }],
    gateways: [['a', 'b']],
  });
}

describe('the field table', () => {
  it.each(CLUSTER_FIELDS.map((f) => [f.path, f] as const))('%s: has what the parser, the forms and the writer need', (_path, f: FieldSpec) => {
    expect(f.label.trim()).not.toBe('');
    expect(f.defaultLabel.trim()).not.toBe('');
    expect(f.help.trim()).not.toMatch(/^$/);
    expect(f.example.trim()).not.toBe('');
    expect(['servers', 'resources', 'jetstream', 'tls']).toContain(f.group);
    if (f.kind === 'integer') expect(f.min).toBeDefined();
    expect(valid(f, f.default)).toBe(true);
    expect(valid(f, sample(f))).toBe(true);
    expect(sample(f)).not.toEqual(f.default);
  });

  it('has unique paths and labels, no path inside another', () => {
    const paths = CLUSTER_FIELDS.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(new Set(CLUSTER_FIELDS.map((f) => f.label)).size).toBe(paths.length);
    expect(new Set(CLUSTER_FIELDS.map((f) => f.defaultLabel)).size).toBe(paths.length);
    for (const p of paths) expect(paths.filter((q) => q.startsWith(`${p}.`))).toEqual([]);
  });

  it('gives the defaults: a file without them gets each row default', () => {
    const t = parsed({ version: 1, name: 'demo', clusters: [{ name: 'a' }] });
    for (const f of CLUSTER_FIELDS) {
      expect(getField(t.defaults, f)).toEqual(f.default);
      expect(getField(DEFAULT_CLUSTER_SETTINGS, f)).toEqual(f.default);
      expect(getField(resolveCluster(t, t.clusters[0]), f)).toEqual(f.default);
    }
  });

  it.each(CLUSTER_FIELDS.map((f) => [f.path, f] as const))(
    '%s: set in defaults or on a cluster, survives the file and the share link, and reaches the cluster',
    (_path, f: FieldSpec) => {
      for (const where of ['defaults', 'cluster'] as const) {
        const t = withValue(f, where, sample(f));
        expect(getField(resolveCluster(t, t.clusters[0]), f)).toEqual(sample(f));
        expect(parsed(serializeTopology(t))).toEqual(t);
        const link = decodeShareFragment(encodeShareFragment(t));
        expect(link.ok && link.topology).toEqual(t);
      }
    },
  );

  it.each(CLUSTER_FIELDS.map((f) => [f.path, f] as const))(
    '%s: an edit of it gives the incremental renderer the same files as a full render',
    (_path, f: FieldSpec) => {
      const renderer = createBundleRenderer();
      const before = withValue(f, 'defaults', f.default ?? sample(f));
      renderer.render(before);
      for (const where of ['defaults', 'cluster'] as const) {
        const after = withValue(f, where, sample(f));
        expect(renderer.render(after)).toEqual(renderBundle(after));
      }
    },
  );

  it('leaves off switches out of the written defaults, and keeps a cluster that turns one off', () => {
    const off = parsed({ version: 1, name: 'demo', clusters: [{ name: 'a' }] });
    expect(serializeTopology(off)).not.toContain('tls');
    const on = parsed({ version: 1, name: 'demo', defaults: { tls: { gateways: true } }, clusters: [{ name: 'a', tls: { gateways: false } }] });
    const text = serializeTopology(on);
    expect(text).toMatch(/defaults:[\s\S]*tls:\s*\n\s+gateways: true/);
    expect(text).toMatch(/- name: a[\s\S]*tls:\s*\n\s+gateways: false/);
    expect(parsed(text)).toEqual(on);
  });

  it('reads a switch that is not true or false with its path', () => {
    const r = parseTopology({ version: 1, name: 'demo', clusters: [{ name: 'a', tls: { routes: 'yes' } }] });
    expect(!r.ok && r.errors).toEqual([{ path: 'clusters[0].tls.routes', message: 'must be true or false, not "yes"' }]);
  });

  it('reads the wrong kind of value with the parser precise message', () => {
    const r = parseTopology({ version: 1, name: 'demo', clusters: [{ name: 'a', jetstream: { memoryStore: 'lots' } }] });
    expect(!r.ok && r.errors).toEqual([{ path: 'clusters[0].jetstream.memoryStore', message: '"lots" is not a Kubernetes quantity (for example 1Gi)' }]);
  });
});
