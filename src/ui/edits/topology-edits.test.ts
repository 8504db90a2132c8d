import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../../core';
import { clusterIds, gatewayIds } from './ids';
import { moveClusters, removeElements, renameCluster, setLeafHub } from './topology-edits';

function topology(data: object): Topology {
  const r = parseTopology({ version: 1, name: 't', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('topology edits with imperfect input', () => {
  it('moves only the clusters it is given, even one called constructor', () => {
    // `constructor` is a valid DNS label, and every object answers it: an object lookup would move this cluster to NaN.
    const t = topology({ clusters: [{ name: 'constructor', position: { x: 20, y: 20 } }, { name: 'b' }] });
    const moved = moveClusters(t, new Map([['b', { x: 400, y: 200 }]]));
    expect(moved.clusters.map((c) => c.position)).toEqual([
      { x: 20, y: 20 },
      { x: 400, y: 200 },
    ]);
  });

  it('gives repeated cluster names and links distinct ids', () => {
    const t = topology({
      clusters: [{ name: 'a' }, { name: 'a' }, { name: 'b' }],
      gateways: [
        ['a', 'b'],
        ['a', 'b'],
      ],
    });
    expect(clusterIds(t)).toEqual(['a', 'a#2', 'b']);
    expect(gatewayIds(t)).toEqual(['a~b', 'a~b#2']);
  });

  it('keeps links of a name another cluster still carries', () => {
    const t = topology({ clusters: [{ name: 'a' }, { name: 'a' }, { name: 'b' }], gateways: [['a', 'b']] });
    const next = removeElements(t, ['a#2'], []);
    expect(next.clusters.map((c) => c.name)).toEqual(['a', 'b']);
    expect(next.gateways).toEqual([['a', 'b']]);
  });

  it('renames both ends of links', () => {
    const t = topology({
      clusters: [{ name: 'a' }, { name: 'b' }],
      gateways: [
        ['a', 'b'],
        ['b', 'a'],
      ],
    });
    expect(renameCluster(t, 'a', 'x').gateways).toEqual([
      ['x', 'b'],
      ['b', 'x'],
    ]);
  });
});

describe('leafnode links in edits', () => {
  const base = (): Topology => {
    const r = parseTopology({ version: 1, name: 't', clusters: [{ name: 'hub' }, { name: 'edge' }, { name: 'x' }], leafnodes: [['edge', 'hub']] });
    if (!r.ok) throw new Error('does not parse');
    return r.topology;
  };

  it('follow a rename of either end, and go with a removed cluster, leaving no empty key', () => {
    const t = base();
    expect(renameCluster(t, 'hub', 'core').leafnodes).toEqual([['edge', 'core']]);
    expect(renameCluster(t, 'edge', 'far').leafnodes).toEqual([['far', 'hub']]);
    const removed = removeElements(t, ['hub'], []);
    expect('leafnodes' in removed).toBe(false);
  });

  it('setLeafHub gives a leaf one hub, replaces it, and removes it', () => {
    const t = base();
    expect(setLeafHub(t, 'edge', 'x').leafnodes).toEqual([['edge', 'x']]);
    expect(setLeafHub(t, 'x', 'hub').leafnodes).toEqual([
      ['edge', 'hub'],
      ['x', 'hub'],
    ]);
    expect('leafnodes' in setLeafHub(t, 'edge', null)).toBe(false);
    // Nothing changes for itself, unknown names or the same hub
    expect(setLeafHub(t, 'edge', 'edge')).toBe(t);
    expect(setLeafHub(t, 'edge', 'nope')).toBe(t);
    expect(setLeafHub(t, 'edge', 'hub')).toBe(t);
  });
});
