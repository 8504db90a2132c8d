import { describe, expect, it } from 'vitest';
import { parseTopology, templateById, type Topology } from '../../core';
import { applyFieldEdit } from './field-edit';
import { carryClusterIds, clusterIdOf, clusterIds, clusterIndex, clusterName, clustersLinked, gatewayIds, linksBetween } from './ids';
import { addCluster, addLinkedCluster, moveClusters, removeElements, renameCluster } from './topology-edits';

function threeRegion(): Topology {
  return templateById('three-region')!.topology();
}

function parse(data: object): Topology {
  const r = parseTopology({ version: 1, name: 't', ...data });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

describe('cluster ids', () => {
  it('are the names on first sight, and stay with a cluster through renames', () => {
    const t = threeRegion();
    expect(clusterIds(t)).toEqual(['us-east', 'eu-west', 'ap-south']);
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'us-east', field: 'name' }, 'n');
    if (!r.ok) throw new Error(r.message);
    const again = applyFieldEdit(r.topology, { scope: 'cluster', id: 'us-east', field: 'name' }, 'north');
    if (!again.ok) throw new Error(again.message);
    const n = again.topology;
    expect(n.clusters[0].name).toBe('north');
    expect(clusterIds(n)).toEqual(['us-east', 'eu-west', 'ap-south']);
    expect(clusterName(n, 'us-east')).toBe('north');
    expect(clusterIdOf(n, 'north')).toBe('us-east');
    expect(clusterIndex(n, 'north')).toBe(-1);
    expect(n.gateways).toEqual([
      ['north', 'eu-west'],
      ['north', 'ap-south'],
      ['eu-west', 'ap-south'],
    ]);
  });

  it('follow every edit that adds, removes, moves or renames', () => {
    const t = renameCluster(threeRegion(), 'eu-west', 'us-east-2');
    const added = addCluster(t, { x: 900, y: 0 });
    expect(added.id).toBe('c1');
    const moved = moveClusters(added.topology, new Map([['eu-west', { x: 40, y: 40 }]]));
    expect(moved.clusters[1].position).toEqual({ x: 40, y: 40 });
    expect(clusterIds(moved)).toEqual(['us-east', 'eu-west', 'ap-south', 'c1']);
    const removed = removeElements(moved, ['us-east'], []);
    expect(clusterIds(removed)).toEqual(['eu-west', 'ap-south', 'c1']);
    expect(removed.gateways).toEqual([['us-east-2', 'ap-south']]);
  });

  it("give a new cluster an id of its own when its name is another cluster's id", () => {
    const t = renameCluster(parse({ clusters: [{ name: 'c1' }] }), 'c1', 'north');
    const { topology, id } = addCluster(t, { x: 400, y: 0 });
    expect(topology.clusters.map((c) => c.name)).toEqual(['north', 'c1']);
    expect(id).toBe('c1#2');
    expect(clusterIds(topology)).toEqual(['c1', 'c1#2']);
  });

  it('are carried over to a design parsed from text: by name, then by place for a renamed one', () => {
    const t = renameCluster(threeRegion(), 'us-east', 'north');
    // The Topology tab: the same design typed again, with eu-west renamed and ap-south deleted
    const text = parse({ clusters: [{ name: 'north' }, { name: 'west' }], gateways: [['north', 'west']] });
    carryClusterIds(t, text);
    expect(clusterIds(text)).toEqual(['us-east', 'eu-west']);
    // ... and a new cluster named like a deleted one's id is new
    const more = parse({ clusters: [{ name: 'north' }, { name: 'west' }, { name: 'eu-west' }, { name: 'ap-south' }] });
    carryClusterIds(text, more);
    expect(clusterIds(more)).toEqual(['us-east', 'eu-west', 'eu-west#2', 'ap-south']);
  });

  it('keep what an edit decided, and give repeated names distinct ids', () => {
    const t = parse({ clusters: [{ name: 'a' }, { name: 'a' }, { name: 'b' }] });
    expect(clusterIds(t)).toEqual(['a', 'a#2', 'b']);
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'a#2', field: 'region' }, 'x');
    if (!r.ok) throw new Error(r.message);
    carryClusterIds(t, r.topology);
    expect(clusterIds(r.topology)).toEqual(['a', 'a#2', 'b']);
    expect(r.topology.clusters[1].region).toBe('x');
  });

  it('make a cluster linked to another in one edit', () => {
    const t = threeRegion();
    const made = addLinkedCluster(t, 'eu-west', { x: 800, y: 400 })!;
    expect(made.id).toBe('c1');
    expect(made.topology.clusters.map((c) => c.name)).toEqual(['us-east', 'eu-west', 'ap-south', 'c1']);
    expect(made.topology.gateways.at(-1)).toEqual(['eu-west', 'c1']);
    expect(clusterIds(made.topology)).toEqual(['us-east', 'eu-west', 'ap-south', 'c1']);
    expect(addLinkedCluster(t, 'gone', { x: 0, y: 0 })).toBeNull();
  });
});

describe('gateway ids', () => {
  it('are the ids of the clusters they join, and stay with a link while a cluster is renamed', () => {
    const t = threeRegion();
    const before = gatewayIds(t);
    expect(before).toEqual(['us-east~eu-west', 'us-east~ap-south', 'eu-west~ap-south']);
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'us-east', field: 'name' }, 'north');
    if (!r.ok) throw new Error(r.message);
    expect(r.topology.gateways[0]).toEqual(['north', 'eu-west']);
    expect(gatewayIds(r.topology)).toEqual(before);
  });

  it('stay with a link renamed in the text, where the cluster keeps its id by its place', () => {
    const t = parse({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      gateways: [
        ['a', 'b'],
        ['b', 'c'],
      ],
    });
    const text = parse({
      clusters: [{ name: 'a' }, { name: 'bee' }, { name: 'c' }],
      gateways: [
        ['a', 'bee'],
        ['bee', 'c'],
      ],
    });
    carryClusterIds(t, text);
    expect(gatewayIds(text)).toEqual(gatewayIds(t));
  });

  it('are the same array while the links and their clusters are, so memoized views skip', () => {
    const t = threeRegion();
    const ids = gatewayIds(t);
    const r = applyFieldEdit(t, { scope: 'cluster', id: 'eu-west', field: 'replicas' }, '5');
    if (!r.ok) throw new Error(r.message);
    expect(r.topology.gateways).toBe(t.gateways);
    expect(gatewayIds(r.topology)).toBe(ids);
  });

  it('name a link to a cluster that does not exist by the name itself, and repeats with #n', () => {
    const t = parse({
      clusters: [{ name: 'a' }],
      gateways: [
        ['a', 'gone'],
        ['gone', 'a'],
        ['a', 'gone'],
      ],
    });
    expect(gatewayIds(t)).toEqual(['a~gone', 'gone~a', 'a~gone#2']);
  });

  it('find the links between two clusters written either way round', () => {
    const t = parse({
      clusters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      gateways: [
        ['a', 'b'],
        ['c', 'a'],
        ['b', 'a'],
      ],
    });
    expect(linksBetween(t, 'a', 'b')).toEqual(['a~b', 'b~a']);
    expect(linksBetween(t, 'a', 'c')).toEqual(['c~a']);
    expect(linksBetween(t, 'b', 'c')).toEqual([]);
    const renamed = renameCluster(t, 'a', 'x');
    expect(clustersLinked(renamed, 'a', 'c')).toBe(true);
    expect(clustersLinked(renamed, 'b', 'c')).toBe(false);
  });
});
