/** The user's pods as the scheduler sees them: NATS servers from the clusters, and the other workloads. */

import type { OtherWorkload, ResolvedCluster, ResourceList } from '../model';
import { NATS_BOX_RESOURCES } from '../defaults';
import { clusterNames, NATS_BOX_NAME } from '../names';
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
 * A pod's requests and limits with a sidecar's added. A container without a limit leaves the pod without one
 * (0 here), whatever the sidecar's limit is.
 */
export function withSidecar(pod: { requests: Usage; limits: Usage }, sidecar: { requests: ResourceList; limits: ResourceList }) {
  const s = podResources(sidecar.requests, sidecar.limits);
  const limit = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a + b);
  return {
    requests: { cpuMillis: pod.requests.cpuMillis + s.requests.cpuMillis, memoryBytes: pod.requests.memoryBytes + s.requests.memoryBytes },
    limits: { cpuMillis: limit(pod.limits.cpuMillis, s.limits.cpuMillis), memoryBytes: limit(pod.limits.memoryBytes, s.limits.memoryBytes) },
  };
}

/**
 * One pod per server: `nats-<cluster>-<i>`: the server's container plus, with monitoring on, the exporter sidecar
 * (`sidecar`); the spread above, no anti-affinity and no hostPort.
 */
export function natsPods(cluster: ResolvedCluster, sidecar?: { requests: ResourceList; limits: ResourceList }): PodSpec[] {
  const names = clusterNames(cluster.name);
  const own = podResources(cluster.resources.requests, cluster.resources.limits);
  const resources = sidecar ? withSidecar(own, sidecar) : own;
  return Array.from({ length: cluster.replicas }, (_, i) => ({
    name: names.pod(i),
    workload: names.statefulSet,
    origin: 'nats' as const,
    cluster: cluster.name,
    ...resources,
    spread: NATS_SPREAD,
  }));
}

/** The nats-box Deployment's one pod: part of the bundle, in no NATS cluster. */
export function natsBoxPod(): PodSpec {
  return {
    name: NATS_BOX_NAME,
    workload: `deployment/${NATS_BOX_NAME}`,
    origin: 'nats',
    ...podResources(NATS_BOX_RESOURCES.requests, NATS_BOX_RESOURCES.limits),
  };
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
