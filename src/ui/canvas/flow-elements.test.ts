import { describe, expect, it } from 'vitest';
import { createBundleRenderer, templateById } from '../../core';
import { createDeriver } from '../derive/derive';
import { applyFieldEdit } from '../edits/field-edit';
import { clusterIds, gatewayIds } from '../edits/ids';
import { clusterView } from './ClusterNode';
import { createLinkBuilder, createNodeBuilder, type LinkInputs } from './flow-elements';

const empty = { clusters: [], gateways: [] };
const { derive } = createDeriver(createBundleRenderer());

describe('canvas elements', () => {
  it('gives a node called constructor no size or drag position it does not have', () => {
    const t = templateById('three-region')!.topology();
    t.clusters[0].name = 'constructor';
    const nodes = createNodeBuilder()({ topology: t, selection: empty, drag: new Map(), measured: new Map(), byCluster: new Map() });
    expect(nodes[0].position).toEqual(t.clusters[0].position);
    expect(nodes[0].measured).toBeUndefined();
  });

  it("gives React Flow the same nodes when an edit changes only a cluster's settings (the node reads those itself)", () => {
    const t = templateById('three-region')!.topology();
    const build = createNodeBuilder();
    const first = build({ topology: t, selection: empty, drag: null, measured: new Map(), byCluster: new Map() });
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'eu-west', field: 'region' }, 'eu-central-1');
    if (!r.ok) throw new Error(r.message);
    const second = build({ topology: r.topology, selection: empty, drag: null, measured: new Map(), byCluster: new Map() });
    expect(second).toBe(first);
    expect(clusterView(r.topology, 'eu-west')).toMatchObject({ region: 'eu-central-1' });
    expect(second[1].ariaLabel).toBe('Cluster eu-west');
  });

  it('reuses node objects that did not change, so memoized nodes skip rendering', () => {
    const t = templateById('three-region')!.topology();
    const build = createNodeBuilder();
    const first = build({ topology: t, selection: empty, drag: null, measured: new Map(), byCluster: derive(t).byCluster });
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'eu-west', field: 'name' }, 'eu-central');
    if (!r.ok) throw new Error(r.message);
    const second = build({ topology: r.topology, selection: empty, drag: null, measured: new Map(), byCluster: derive(r.topology).byCluster });
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].data.name).toBe('eu-central');
    expect(second[1].ariaLabel).toBe('Cluster eu-central');
  });

  it('draws a dragged node at its transient position without touching the others', () => {
    const t = templateById('noetl')!.topology();
    const build = createNodeBuilder();
    const input = { topology: t, selection: empty, drag: null, measured: new Map(), byCluster: derive(t).byCluster };
    const first = build(input);
    const second = build({ ...input, drag: new Map([['a', { x: 40, y: 60 }]]) });
    expect(second[0].position).toEqual({ x: 40, y: 60 });
    expect(second[1]).toBe(first[1]);
  });

  it('draws one line per link between known clusters, and keeps the same array while no link changed', () => {
    const t = templateById('three-region')!.topology();
    const build = createLinkBuilder();
    const inputs: LinkInputs = {
      gateways: [...t.gateways, ['us-east', 'nowhere'], ['us-east', 'us-east']],
      names: t.clusters.map((c) => c.name),
      ids: clusterIds(t),
      selection: empty,
      byGateway: new Map(),
    };
    const links = build(inputs);
    expect(links.map((l) => l.id)).toEqual(['us-east~eu-west', 'us-east~ap-south', 'eu-west~ap-south']);
    expect(build({ ...inputs, names: [...inputs.names] })).toBe(links);
    const selected = build({ ...inputs, selection: { clusters: [], gateways: ['us-east~ap-south'] } });
    expect(selected[0]).toBe(links[0]);
    expect(selected[1]).toMatchObject({ id: 'us-east~ap-south', selected: true });
  });

  it('joins the nodes of renamed clusters: a link names clusters, a node keeps its id', () => {
    const t = templateById('three-region')!.topology();
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'us-east', field: 'name' }, 'north');
    if (!r.ok) throw new Error(r.message);
    const links = createLinkBuilder()({
      gateways: r.topology.gateways,
      names: r.topology.clusters.map((c) => c.name),
      ids: clusterIds(r.topology),
      selection: empty,
      byGateway: new Map(),
    });
    expect(links.map((l) => [l.a, l.from, l.b, l.to])).toEqual([
      ['north', 'us-east', 'eu-west', 'eu-west'],
      ['north', 'us-east', 'ap-south', 'ap-south'],
      ['eu-west', 'eu-west', 'ap-south', 'ap-south'],
    ]);
    // The ids the selection uses: those of the clusters, so a selected link stays selected through the rename
    expect(links.map((l) => l.id)).toEqual(gatewayIds(r.topology));
    expect(links[0].id).toBe('us-east~eu-west');
  });
});
