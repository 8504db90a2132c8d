import { selectorLabels } from '../names';
import type { ResolvedCluster, Topology } from '../model';

export const MANAGED_BY = 'nats-topology-designer';

/** Labels on every object of the bundle. */
export function bundleLabels(topology: Topology): Record<string, string> {
  return { 'app.kubernetes.io/part-of': topology.name, 'app.kubernetes.io/managed-by': MANAGED_BY };
}

/** Labels on a cluster's objects and pods: the selector, plus locality that is never selected on. */
export function clusterLabels(topology: Topology, cluster: ResolvedCluster): Record<string, string> {
  // Object.assign, not two spreads: V8 copies a second spread on a slow path, and this runs six times a cluster.
  const labels: Record<string, string> = Object.assign({}, selectorLabels(cluster.name), bundleLabels(topology));
  if (cluster.region) labels['nats.io/region'] = cluster.region;
  if (cluster.zone) labels['nats.io/zone'] = cluster.zone;
  return labels;
}
