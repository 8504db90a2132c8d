import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gatewayRemotes, peerMap, templateById, type Topology } from '../../core';
import { clusterIds } from '../edits/ids';
import { createImpliedBuilder, impliedDescription, impliedLinks, MAX_IMPLIED_DRAWN } from './implied-links';

/** A design of clusters named `names`, linked by `gateways`. */
function design(names: string[], gateways: [string, string][]): Topology {
  const base = templateById('light')!.topology();
  const cluster = base.clusters[0];
  return { ...base, clusters: names.map((name, i) => ({ ...cluster, name, position: { x: i * 300, y: 0 } })), gateways };
}

const inputs = (t: Topology) => ({ gateways: t.gateways, names: t.clusters.map((c) => c.name), ids: clusterIds(t) });

describe('implied gateway connections', () => {
  it('joins the ends of a chain through its middle, and nothing once the chain is cut', () => {
    // Given a chain a–b–c
    const chain = design(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    // Then NATS connects a and c too, through b
    const { links, count } = impliedLinks(inputs(chain));
    expect(count).toBe(1);
    expect(links).toMatchObject([{ a: 'a', b: 'c', via: ['b'] }]);
    expect(impliedDescription(links[0])).toBe('Implied gateway a to c: connected through b; not drawn');
    // When b–c goes, a and c are separate systems: nothing is implied between them
    expect(impliedLinks(inputs(design(['a', 'b', 'c'], [['a', 'b']])))).toEqual({ links: [], count: 0 });
  });

  it('names every cluster of the shortest path', () => {
    const chain = design(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ],
    );
    const ad = impliedLinks(inputs(chain)).links.find((l) => l.a === 'a' && l.b === 'd')!;
    expect(impliedDescription(ad)).toBe('Implied gateway a to d: connected through b and c; not drawn');
  });

  it('agrees with the gateway blocks the core renders: every remote is drawn or implied, never both', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const link = fc.tuple(fc.constantFrom(...names), fc.constantFrom(...names, 'unknown'));
    fc.assert(
      fc.property(fc.array(link, { maxLength: 12 }), (gateways) => {
        const t = design(names, gateways);
        const drawn = peerMap(t);
        const implied = new Set(impliedLinks(inputs(t)).links.map((l) => `${l.a}~${l.b}`));
        for (const [name, remotes] of gatewayRemotes(t)) {
          for (const r of remotes) {
            const key = name < r.name ? `${name}~${r.name}` : `${r.name}~${name}`;
            const isDrawn = drawn.get(name)?.some((p) => p.name === r.name) ?? false;
            expect(isDrawn !== implied.has(key)).toBe(true);
          }
        }
        // ...and nothing else is implied
        const remotes = [...gatewayRemotes(t).values()].reduce((n, rs) => n + rs.length, 0) / 2;
        const links = [...peerMap(t).values()].reduce((n, ps) => n + ps.length, 0) / 2;
        expect(implied.size).toBe(remotes - links);
      }),
    );
  });

  it('counts but draws none past the limit', () => {
    const names = Array.from({ length: 60 }, (_, i) => `c${i}`);
    const ring = design(
      names,
      names.map((n, i) => [n, names[(i + 1) % names.length]]),
    );
    const { links, count } = impliedLinks(inputs(ring));
    expect(count).toBe((60 * 59) / 2 - 60);
    expect(count).toBeGreaterThan(MAX_IMPLIED_DRAWN);
    expect(links).toEqual([]);
  });

  it('gives the same objects back while the links and names are unchanged', () => {
    const build = createImpliedBuilder();
    const chain = design(
      ['a', 'b', 'c'],
      [
        ['a', 'b'],
        ['b', 'c'],
      ],
    );
    const first = build(inputs(chain));
    const moved = { ...chain, clusters: chain.clusters.map((c) => ({ ...c, position: { x: c.position.x + 10, y: 0 } })) };
    expect(build(inputs(moved))).toBe(first);
    const longer = design(
      ['a', 'b', 'c', 'd'],
      [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'd'],
      ],
    );
    expect(build(inputs(longer)).links[0]).toBe(first.links[0]);
  });
});
