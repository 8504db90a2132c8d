import { describe, expect, it } from 'vitest';
import { parseTopology, type Topology } from '../../core';
import { clusterIds } from '../edits/ids';
import { createLinkBuilder, createNodeBuilder } from './flow-elements';
import { focusOf, impliedInFocus } from './focus';

function topology(data: object): Topology {
  const r = parseTopology({ version: 1, name: 't', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

// a–b–c in a line, d alone.
const t = topology({
  clusters: ['a', 'b', 'c', 'd'].map((name, i) => ({ name, position: { x: i * 300, y: 0 } })),
  gateways: [
    ['a', 'b'],
    ['b', 'c'],
  ],
});
const names = t.clusters.map((c) => c.name);
const ids = clusterIds(t);

function elements(selection: { clusters: string[]; gateways: string[] }) {
  const links = createLinkBuilder()({ gateways: t.gateways, names, ids, selection, byGateway: new Map() });
  const focus = focusOf(selection, links);
  const nodes = createNodeBuilder()({ topology: t, selection, drag: null, measured: new Map(), byCluster: new Map(), focus });
  return { focus, links, classes: Object.fromEntries(nodes.map((n) => [n.id, n.className ?? null])) };
}

describe('the focus of a selection', () => {
  it('brings a selected cluster, its links and its neighbours forward and dims the rest', () => {
    const { focus, links, classes } = elements({ clusters: ['a'], gateways: [] });
    expect(classes).toEqual({ a: 'is-related', b: 'is-related', c: null, d: null });
    expect(links.filter((l) => focus!.links.has(l.id)).map((l) => `${l.a}-${l.b}`)).toEqual(['a-b']);
    // The implied a–c connection is a's; b–c's implied ones do not exist (they are drawn).
    expect(impliedInFocus(focus!, { from: 'a', to: 'c' })).toBe(true);
    expect(impliedInFocus(focus!, { from: 'b', to: 'c' })).toBe(false);
  });

  it('brings a selected link forward with its two clusters', () => {
    const all = elements({ clusters: [], gateways: [] });
    const bc = all.links.find((l) => l.a === 'b' && l.b === 'c')!.id;
    const { focus, classes } = elements({ clusters: [], gateways: [bc] });
    expect(classes).toEqual({ a: null, b: 'is-related', c: 'is-related', d: null });
    expect([...focus!.links]).toEqual([bc]);
  });

  it('marks nothing when nothing is selected', () => {
    const { focus, classes } = elements({ clusters: [], gateways: [] });
    expect(focus).toBeNull();
    expect(Object.values(classes)).toEqual([null, null, null, null]);
  });

  it('changes only the nodes it brings forward: the canvas dims the rest by CSS', () => {
    const build = createNodeBuilder();
    const linkOf = createLinkBuilder();
    const inputs = (selection: { clusters: string[]; gateways: string[] }) => {
      const links = linkOf({ gateways: t.gateways, names, ids, selection, byGateway: new Map() });
      return { topology: t, selection, drag: null, measured: new Map(), byCluster: new Map(), focus: focusOf(selection, links) };
    };
    const before = build(inputs({ clusters: [], gateways: [] }));
    const after = build(inputs({ clusters: ['a'], gateways: [] }));
    expect(after.filter((n, i) => n !== before[i]).map((n) => n.id)).toEqual(['a', 'b']);
  });
});
