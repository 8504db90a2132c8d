import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../../core';
import { clusterIds, gatewayIds } from './ids';
import { removeElements, renameCluster } from './topology-edits';

function topology(data: object): Topology {
  const r = parseTopology({ version: 1, name: 't', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('topology edits with imperfect input', () => {
  it('gives repeated cluster names and links distinct ids', () => {
    const t = topology({ clusters: [{ name: 'a' }, { name: 'a' }, { name: 'b' }], gateways: [['a', 'b'], ['a', 'b']] });
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
    const t = topology({ clusters: [{ name: 'a' }, { name: 'b' }], gateways: [['a', 'b'], ['b', 'a']] });
    expect(renameCluster(t, 'a', 'x').gateways).toEqual([
      ['x', 'b'],
      ['b', 'x'],
    ]);
  });
});
