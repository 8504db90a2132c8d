import { describe, expect, it } from 'vitest';
import { templateById } from '../../core';
import { derive } from '../derive/derive';
import { applyFieldEdit } from '../edits/field-edit';
import { createEdgeBuilder, createNodeBuilder } from './flow-elements';

const empty = { clusters: [], gateways: [] };

describe('canvas elements', () => {
  it('reuses node objects that did not change, so memoized nodes skip rendering', () => {
    const t = templateById('three-region')!.topology();
    const build = createNodeBuilder();
    const first = build({ topology: t, selection: empty, drag: null, measured: {}, byCluster: derive(t).byCluster });
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'eu-west', field: 'region' }, 'eu-central-1');
    if (!r.ok) throw new Error(r.message);
    const second = build({ topology: r.topology, selection: empty, drag: null, measured: {}, byCluster: derive(r.topology).byCluster });
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]).not.toBe(first[1]);
    expect(second[1].data.region).toBe('eu-central-1');
    expect(second[1].ariaLabel).toBe('Cluster eu-west');
  });

  it('draws a dragged node at its transient position without touching the others', () => {
    const t = templateById('noetl')!.topology();
    const build = createNodeBuilder();
    const input = { topology: t, selection: empty, drag: null, measured: {}, byCluster: derive(t).byCluster };
    const first = build(input);
    const second = build({ ...input, drag: { a: { x: 40, y: 60 } } });
    expect(second[0].position).toEqual({ x: 40, y: 60 });
    expect(second[1]).toBe(first[1]);
  });

  it('draws one edge per link between known clusters', () => {
    const t = templateById('three-region')!.topology();
    const edges = createEdgeBuilder()({ topology: { ...t, gateways: [...t.gateways, ['us-east', 'nowhere'], ['us-east', 'us-east']] }, selection: empty, byGateway: new Map() });
    expect(edges.map((e) => e.id)).toEqual(['us-east~eu-west', 'us-east~ap-south', 'eu-west~ap-south']);
  });
});
