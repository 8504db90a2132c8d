/**
 * The gateway connections NATS makes that nobody drew. Every gateway block lists every other cluster of its system
 * (the clusters its drawn links connect, directly or not: the core's `gatewayRemotes`), so each pair of a system is
 * connected, drawn or not. Separate systems get none between them. The canvas draws these faintly, under the links.
 */
import type { Topology } from '../../core';

/** An implied connection as the canvas draws it. */
export interface ImpliedLink {
  /** `implied:` and the two node ids: never a gateway id, so nothing selects it. */
  id: string;
  /** The two clusters' names, in topology order. */
  a: string;
  b: string;
  /** Their node ids (the first clusters so named). */
  from: string;
  to: string;
  /** The clusters a shortest path of drawn links passes through from a to b. */
  via: string[];
}

export interface ImpliedLinks {
  /** The connections to draw; empty when there are more than {@link MAX_IMPLIED_DRAWN}. */
  links: ImpliedLink[];
  /** How many connections are implied, drawn or not. */
  count: number;
}

/**
 * Past this many, none are drawn and the legend says how many there are: a ring of 100 clusters implies 4,847, and
 * lines over every node say nothing a person can read (nor does the browser draw them fast).
 */
export const MAX_IMPLIED_DRAWN = 600;

export interface ImpliedInputs {
  gateways: Topology['gateways'];
  /** Every cluster's name. */
  names: string[];
  /** Every cluster's canvas id, in the same order. */
  ids: string[];
}

/** What an implied connection says to a person (its tooltip and accessible name). */
export function impliedDescription(link: ImpliedLink): string {
  return `Implied gateway ${link.a} to ${link.b}: connected through ${listNames(link.via)}; not drawn`;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The implied connections of a design: each pair of clusters in one gateway system (the connected components of
 * the drawn links, as `gatewaySystems` makes them) that no link joins directly. Links to unknown clusters and
 * self-links join nothing, as in the core.
 */
export function impliedLinks({ gateways, names, ids }: ImpliedInputs): ImpliedLinks {
  // One vertex per name: the core treats clusters of one name as one (the lint names the repeat).
  const index = new Map<string, number>();
  const nodeIds: string[] = [];
  const vertexNames: string[] = [];
  names.forEach((n, i) => {
    if (index.has(n)) return;
    index.set(n, vertexNames.length);
    vertexNames.push(n);
    nodeIds.push(ids[i]);
  });
  const adjacent = vertexNames.map(() => new Set<number>());
  for (const [a, b] of gateways) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    adjacent[i].add(j);
    adjacent[j].add(i);
  }
  // The systems, and how many pairs of each no link joins.
  const component = vertexNames.map(() => -1);
  const systems: number[][] = [];
  let count = 0;
  for (let s = 0; s < vertexNames.length; s++) {
    if (component[s] !== -1) continue;
    const members = [s];
    component[s] = systems.length;
    let degrees = 0;
    for (let k = 0; k < members.length; k++) {
      degrees += adjacent[members[k]].size;
      for (const t of adjacent[members[k]]) {
        if (component[t] !== -1) continue;
        component[t] = systems.length;
        members.push(t);
      }
    }
    members.sort((x, y) => x - y);
    systems.push(members);
    count += (members.length * (members.length - 1)) / 2 - degrees / 2;
  }
  if (count === 0 || count > MAX_IMPLIED_DRAWN) return { links: [], count };

  const links: ImpliedLink[] = [];
  const parent = vertexNames.map(() => -1);
  for (const members of systems) {
    if (members.length < 3) continue;
    for (const s of members) {
      // Breadth first from s: the parents give a shortest path of drawn links to every other member.
      for (const m of members) parent[m] = -1;
      parent[s] = s;
      const queue = [s];
      for (let k = 0; k < queue.length; k++) {
        for (const t of adjacent[queue[k]]) {
          if (parent[t] !== -1) continue;
          parent[t] = queue[k];
          queue.push(t);
        }
      }
      for (const t of members) {
        if (t <= s || adjacent[s].has(t)) continue;
        const via: string[] = [];
        for (let v = parent[t]; v !== s; v = parent[v]) via.unshift(vertexNames[v]);
        links.push({ id: `implied:${JSON.stringify([nodeIds[s], nodeIds[t]])}`, a: vertexNames[s], b: vertexNames[t], from: nodeIds[s], to: nodeIds[t], via });
      }
    }
  }
  return { links, count };
}

/** {@link impliedLinks}, each link object (and the list) reused while nothing about it changed. */
export function createImpliedBuilder(): (inputs: ImpliedInputs) => ImpliedLinks {
  let prev = new Map<string, ImpliedLink>();
  let prevResult: ImpliedLinks = { links: [], count: 0 };
  return (inputs) => {
    const fresh = impliedLinks(inputs);
    const next = new Map<string, ImpliedLink>();
    const links = fresh.links.map((link) => {
      const old = prev.get(link.id);
      const kept = old && old.a === link.a && old.b === link.b && sameList(old.via, link.via) ? old : link;
      next.set(link.id, kept);
      return kept;
    });
    prev = next;
    const same = prevResult.count === fresh.count && prevResult.links.length === links.length && links.every((l, i) => l === prevResult.links[i]);
    if (!same) prevResult = { links, count: fresh.count };
    return prevResult;
  };
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
