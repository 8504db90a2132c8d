import { describe, expect, it } from 'vitest';
import { parseTopology, type Position, type Topology } from '../../core';
import { autoTidyMode, NODE_HEIGHT, NODE_WIDTH, placeStacked, tidyPositions } from './layout';

function topology(data: object): Topology {
  const r = parseTopology({ version: 1, name: 't', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i + 1}`);

function fullMesh(n: number): [string, string][] {
  const all = names(n);
  return all.flatMap((a, i) => all.slice(i + 1).map((b) => [a, b] as [string, string]));
}

/** No two node boxes overlap. */
function apart(positions: Position[]): boolean {
  return positions.every((p, i) => positions.slice(i + 1).every((q) => Math.abs(p.x - q.x) >= NODE_WIDTH || Math.abs(p.y - q.y) >= NODE_HEIGHT));
}

describe('placeStacked', () => {
  it('lays out clusters that came in without positions instead of stacking them at 0,0', () => {
    const t = topology({ clusters: names(30).map((name) => ({ name })), gateways: fullMesh(30) });
    const placed = placeStacked(t);
    const positions = placed.clusters.map((c) => c.position);
    expect(new Set(positions.map((p) => `${p.x},${p.y}`)).size).toBe(30);
    expect(apart(positions)).toBe(true);
    // Only positions change: names, order and links are the design's.
    expect(placed.clusters.map((c) => c.name)).toEqual(names(30));
    expect(placed.gateways).toBe(t.gateways);
  });

  it('keeps every cluster that has a spot of its own and moves only the ones stacked on an earlier one', () => {
    const t = topology({
      clusters: [{ name: 'a' }, { name: 'b', position: { x: 400, y: 0 } }, { name: 'c' }, { name: 'd' }],
    });
    const placed = placeStacked(t);
    const positions = placed.clusters.map((c) => c.position);
    expect(positions[0]).toEqual({ x: 0, y: 0 });
    expect(positions[1]).toEqual({ x: 400, y: 0 });
    expect(apart(positions)).toBe(true);
  });

  it('gives back the very design when nothing is stacked', () => {
    const t = topology({ clusters: [{ name: 'a' }, { name: 'b', position: { x: 300, y: 0 } }] });
    expect(placeStacked(t)).toBe(t);
    const one = topology({ clusters: [{ name: 'a' }] });
    expect(placeStacked(one)).toBe(one);
  });
});

describe('tidy', () => {
  it('lays a dense mesh on a circle, so no link runs behind a cluster, and a sparse big one on a grid', () => {
    const mesh = topology({ clusters: names(30).map((name) => ({ name })), gateways: fullMesh(30) });
    expect(autoTidyMode(mesh)).toBe('circle');
    const ring = topology({ clusters: names(30).map((name) => ({ name })), gateways: names(30).map((a, i, all) => [a, all[(i + 1) % 30]]) });
    expect(autoTidyMode(ring)).toBe('grid');
    expect(autoTidyMode(topology({ clusters: names(5).map((name) => ({ name })), gateways: [['c1', 'c2']] }))).toBe('circle');
  });

  it('keeps the nodes of a big circle clear of each other', () => {
    const mesh = topology({ clusters: names(30).map((name) => ({ name })), gateways: fullMesh(30) });
    expect(apart(tidyPositions(mesh, 'circle'))).toBe(true);
  });
});
