/** The designs the failure suite runs, and which failure each gets. */
import { TEMPLATES } from '../../src/core/templates/index';
import type { Topology } from '../../src/core/model';
import type { FailureCase } from './failure-suite';
import { generatedDesigns } from './generated';
import { shapeTopology } from './shapes';

const template = (id: string) => () => TEMPLATES.find((t) => t.id === id)!.topology();

/** The fix JETSTREAM_CLUSTER_LOSS proposes for two clusters of 3: a third cluster of 1 that only votes. */
function tieBreaker(): Topology {
  const t = shapeTopology({ id: 'tie-breaker', clusters: 3, replicas: 3, links: 'mesh', domain: null });
  t.clusters[2].replicas = 1;
  return t;
}

/**
 * Generated designs of two clusters or more, each losing its first cluster: one per version in `npm test`, and
 * FAILURE_SOAK of them with `npm run soak` (a longer run; designs alternate between the versions).
 */
function generatedCases(version: 'oldest' | 'current'): FailureCase[] {
  const count = Number(process.env.FAILURE_SOAK ?? 1);
  return generatedDesigns(40 + 4 * count, 20261202)
    .filter((d) => d.topology.clusters.length >= 2)
    .filter((_, i) => i % 2 === (version === 'oldest' ? 0 : 1))
    .slice(0, count)
    .map((g) => ({ label: `generated ${g.label}`, topology: () => structuredClone(g.topology), wholeCluster: g.topology.clusters[0].name }));
}

export function failureCases(version: 'oldest' | 'current'): FailureCase[] {
  return [
    { label: 'template noetl', topology: template('noetl'), oneServer: 'a', wholeCluster: 'b', roll: 'a' },
    { label: 'template three-region', topology: template('three-region'), oneServer: 'us-east', wholeCluster: 'eu-west' },
    { label: 'template single', topology: template('single'), oneServer: 'main' },
    { label: 'template five', topology: template('five'), oneServer: 'example' },
    // Two clusters of one server (the light template's shape before it turned JetStream off): losing either stops JetStream.
    {
      label: '2 clusters of 1',
      topology: () => shapeTopology({ id: '2x1-chain', clusters: 2, replicas: 1, links: 'chain', domain: null }),
      wholeCluster: 'b',
    },
    { label: '3, 3 and 1 (the tie-breaker fix)', topology: tieBreaker, wholeCluster: 'a' },
    {
      label: '4 clusters of 2 in a chain',
      topology: () => shapeTopology({ id: '4x2-chain', clusters: 4, replicas: 2, links: 'chain', domain: null }),
      wholeCluster: 'b',
    },
    ...generatedCases(version),
  ];
}
