import { TEMPLATES, type Topology } from '../src/core';

/** n clusters of `replicas` servers, every pair linked: the heaviest shape per cluster count. */
export function meshTopology(n: number, replicas = 3): Topology {
  const base = TEMPLATES[0].topology();
  const clusters = Array.from({ length: n }, (_, i) => ({
    name: `c${String(i).padStart(3, '0')}`,
    region: i % 2 ? 'us-east-1' : 'eu-west-1',
    zone: null,
    position: { x: (i % 10) * 320, y: Math.floor(i / 10) * 220 },
  }));
  const gateways: [string, string][] = [];
  clusters.forEach((a, i) => clusters.slice(i + 1).forEach((b) => gateways.push([a.name, b.name])));
  return { ...base, name: `mesh-${n}`, defaults: { ...base.defaults, replicas }, clusters, gateways };
}
