import { clusterNames } from '../../names';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';

interface RenderedObject {
  kind: string;
  name: string;
  /** What the object is to its cluster, for the message. */
  role: string;
}

/** The Kubernetes objects one cluster renders, by kind and name (names.ts is the single source). */
function objectsOf(cluster: string): RenderedObject[] {
  const n = clusterNames(cluster);
  return [
    { kind: 'StatefulSet', name: n.statefulSet, role: 'StatefulSet' },
    { kind: 'Service', name: n.statefulSet, role: 'client Service' },
    { kind: 'Service', name: n.headless, role: 'headless Service' },
    { kind: 'PodDisruptionBudget', name: n.statefulSet, role: 'PodDisruptionBudget' },
    { kind: 'ConfigMap', name: n.configMap, role: 'ConfigMap' },
  ];
}

/**
 * OBJECT_NAME_COLLISION: distinct cluster names can still derive one object name (`a` and `a-headless` both
 * render a Service `nats-a-headless`); one object would silently replace the other.
 */
export const objectNameCollision: Rule = {
  id: 'object-name-collision',
  description: 'No two clusters render a Kubernetes object of the same kind and name.',
  check({ topology }) {
    const owners = new Map<string, { cluster: string; role: string }>();
    const out: Problem[] = [];
    // Exact duplicates are cluster-name-unique's to report.
    for (const cluster of new Set(topology.clusters.map((c) => c.name))) {
      for (const o of objectsOf(cluster)) {
        const key = `${o.kind}/${o.name}`;
        const first = owners.get(key);
        if (!first) {
          owners.set(key, { cluster, role: o.role });
          continue;
        }
        out.push({
          code: 'OBJECT_NAME_COLLISION',
          severity: 'error',
          target: { kind: 'cluster', cluster, field: 'name' },
          message:
            `clusters ${first.cluster} and ${cluster} both render a ${o.kind} named ${o.name} ` +
            `(the ${first.role} of ${first.cluster} and the ${o.role} of ${cluster}): one would replace the other`,
          fix: `Rename cluster ${cluster} so that no derived object name repeats (avoid names ending in -headless).`,
        });
      }
    }
    return out;
  },
};
