import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../../core';
import { clusterIds, gatewayIds } from './ids';
import { moveClusters, removeElements, renameCluster } from './topology-edits';

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
