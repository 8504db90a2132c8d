/** The user's pods as the scheduler sees them: NATS servers from the clusters, and the other workloads. */

import type { OtherWorkload, ResolvedCluster, ResourceList } from '../model';
import { clusterNames } from '../names';
import { bytes, cpuMillis } from '../quantity';
import type { PodSpec, SpreadConstraint } from './pod-spec';
import type { Usage } from './usage';

/** The spread our StatefulSets render: soft, and Honor so kind's tainted control plane is not an empty domain. */
export const NATS_SPREAD: SpreadConstraint = { maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Honor' };

/** Requests and limits in numbers; a limit without a request makes the request equal to the limit, as in Kubernetes. */
export function podResources(requests: ResourceList, limits: ResourceList): { requests: Usage; limits: Usage } {
  const cpu = (q: string | undefined): number => (q === undefined ? 0 : cpuMillis(q));
  const mem = (q: string | undefined): number => (q === undefined ? 0 : bytes(q));
  return {
    requests: { cpuMillis: cpu(requests.cpu ?? limits.cpu), memoryBytes: mem(requests.memory ?? limits.memory) },
    limits: { cpuMillis: cpu(limits.cpu), memoryBytes: mem(limits.memory) },
  };
}

/**
 * One pod per server: `nats-<cluster>-<i>`, one container (we render no sidecars), the spread above, no
 * anti-affinity and no hostPort.
 */
export function natsPods(cluster: ResolvedCluster): PodSpec[] {
  const names = clusterNames(cluster.name);
  const resources = podResources(cluster.resources.requests, cluster.resources.limits);
  return Array.from({ length: cluster.replicas }, (_, i) => ({
    name: names.pod(i),
    workload: names.statefulSet,
    origin: 'nats' as const,
    cluster: cluster.name,
    ...resources,
    spread: NATS_SPREAD,
  }));
}

/** `<name>-<i>` for each replica; no tolerations, so on a multi-node cluster they go to workers only. */
export function otherWorkloadPods(w: OtherWorkload): PodSpec[] {
  const resources = podResources(w.requests, w.limits);
  return Array.from({ length: w.replicas }, (_, i) => ({
    name: `${w.name}-${i}`,
    workload: w.name,
    origin: 'other' as const,
    ...resources,
  }));
}
