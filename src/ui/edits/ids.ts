import type { Topology } from '../../core';

/**
 * Canvas identities. A cluster's id is its name; a second cluster with the same name (only possible through an
 * imported file, and flagged by the lint) gets `name#2`, so the canvas never sees two nodes with one id.
 */
export function clusterIds(t: Pick<Topology, 'clusters'>): string[] {
  const seen = new Map<string, number>();
  return t.clusters.map((c) => {
    const n = (seen.get(c.name) ?? 0) + 1;
    seen.set(c.name, n);
    return n === 1 ? c.name : `${c.name}#${n}`;
  });
}

/** Index of the cluster with canvas id `id`, or -1. */
export function clusterIndex(t: Topology, id: string): number {
  const direct = t.clusters.findIndex((c) => c.name === id);
  if (direct >= 0 && !id.includes('#')) return direct;
  return clusterIds(t).indexOf(id);
}

/** A gateway's id: its two names in the order given, plus `#n` for a repeated link. */
export function gatewayIds(t: Pick<Topology, 'gateways'>): string[] {
  const seen = new Map<string, number>();
  return t.gateways.map(([a, b]) => {
    const base = `${a}~${b}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

export function gatewayIndex(t: Topology, id: string): number {
  return gatewayIds(t).indexOf(id);
}

/** Whether a and b are linked either way. */
export function linked(t: Topology, a: string, b: string): boolean {
  return t.gateways.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}
