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

/** Cloud regions, for designs where every cluster sits somewhere else. */
const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'me-central-1',
  'af-south-1',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'ap-northeast-2',
];

/**
 * A design people draw: n clusters of 3 servers, each named for its own region, around a ring (each linked to its
 * neighbour) with a few chords across, laid out on a circle. Gossip completes the mesh, so nobody draws n²/2 links.
 */
export function ringTopology(n: number): Topology {
  const base = TEMPLATES[0].topology();
  const clusters = Array.from({ length: n }, (_, i) => {
    const region = REGIONS[i % REGIONS.length];
    const angle = (2 * Math.PI * i) / n;
    return {
      name: i < REGIONS.length ? region : `${region}-${Math.floor(i / REGIONS.length) + 1}`,
      region,
      zone: null,
      position: { x: Math.round(600 + 500 * Math.cos(angle)), y: Math.round(600 + 500 * Math.sin(angle)) },
    };
  });
  const gateways: [string, string][] = [];
  if (n > 1) clusters.forEach((c, i) => i + 1 < n && gateways.push([c.name, clusters[i + 1].name]));
  if (n > 2) gateways.push([clusters[n - 1].name, clusters[0].name]);
  // Chords from every ⌈n/5⌉-th cluster in the first half to its opposite: 3 for 10 clusters, 3 for 20, 3 for 50.
  const half = Math.floor(n / 2);
  for (let i = 0; n >= 6 && i < half; i += Math.ceil(n / 5)) gateways.push([clusters[i].name, clusters[i + half].name]);
  return { ...base, name: `ring-${n}`, clusters, gateways };
}

/** The same design with its clusters laid out on a grid, `columns` wide: a hundred clusters on a circle overlap. */
export function onGrid(t: Topology, columns = 10): Topology {
  return { ...t, clusters: t.clusters.map((c, i) => ({ ...c, position: { x: (i % columns) * 320, y: Math.floor(i / columns) * 220 } })) };
}
