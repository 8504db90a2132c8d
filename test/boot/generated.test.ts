/**
 * Property boots: generated connected designs (chains, stars, trees, rings and meshes of 2–5 clusters of 1–5
 * servers), each booted for real and put through every check of a boot (one meta leader everywhere, a request
 * across the gateways, a stream placed in the far cluster, the operators' checks). The designs alternate between
 * the two server versions; the two that once split into two meta leaders on 2.9.10 run on both.
 */
import { PORT_BANDS } from './harness';
import { generatedDesigns, type GeneratedDesign } from './generated';
import { shapeTopology } from './shapes';
import { bootCases } from './suite';
import { describeOnServer } from '../support/tools';

const SEED = 20261201;
const DESIGNS = generatedDesigns(32, SEED);

/** Clusters of 3, 1 and 3 in a chain, and a 1-server hub with two 3-server spokes. */
function regressions(): GeneratedDesign[] {
  const chain = shapeTopology({ id: 'chain-3-1-3', clusters: 3, replicas: 3, links: 'chain', domain: null });
  chain.clusters[1].replicas = 1;
  const star = shapeTopology({ id: 'star-1-3-3', clusters: 3, replicas: 3, links: 'star', domain: null });
  star.clusters[0].replicas = 1;
  return [
    { label: 'chain 3-1-3', topology: chain },
    { label: 'star 1-3-3', topology: star },
  ];
}

const cases = (designs: GeneratedDesign[]) => designs.map((d, i) => ({ label: `#${i} ${d.label}`, topology: () => structuredClone(d.topology) }));

describeOnServer('oldest', 'generated designs', (server) =>
  bootCases(cases([...regressions(), ...DESIGNS.filter((_, i) => i % 2 === 0)]), PORT_BANDS.generatedOldest, server),
);
describeOnServer('current', 'generated designs', (server) =>
  bootCases(cases([...regressions(), ...DESIGNS.filter((_, i) => i % 2 === 1)]), PORT_BANDS.generatedCurrent, server),
);
