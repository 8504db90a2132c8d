/**
 * kind's own nodes and pods (docs/kind-budget.md, "What is on the nodes before any design"; kind ≤ v0.32): what is on the nodes before any user pod.
 * Every node reports the whole VM as allocatable, because kind sets no reservations.
 */

import { ASSUMPTIONS } from './assumptions';
import type { PodSpec, SimNode } from './pod-spec';
import { MiB } from '../quantity';
import type { Usage } from './usage';

/** The taint kubeadm puts on a control plane; kind removes it only when the cluster has a single node. */
export const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

/** kind's node names: `kind-control-plane`, then `kind-worker`, `kind-worker2`, … */
export function kindNodeNames(workers: number): string[] {
  return ['kind-control-plane', ...Array.from({ length: workers }, (_, i) => `kind-worker${i === 0 ? '' : i + 1}`)];
}

/** One control plane plus `workers` workers, each with the whole VM as allocatable. */
export function kindNodes(workers: number, vm: Usage): SimNode[] {
  return kindNodeNames(workers).map((name, i) => ({
    name,
    role: i === 0 ? 'control-plane' : 'worker',
    allocatable: vm,
    taints: i === 0 && workers > 0 ? [{ key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' }] : [],
    maxPods: ASSUMPTIONS.maxPodsPerNode,
  }));
}

interface BaselinePod {
  workload: string;
  cpuMillis: number;
  memoryMi: number;
  limitCpuMillis: number;
  limitMemoryMi: number;
  count: number;
}

// kubeadm sets CPU requests only on the control-plane static pods, etcd adds 100Mi; coredns is kubeadm's addon.
const CONTROL_PLANE_PODS: BaselinePod[] = [
  { workload: 'kube-apiserver', cpuMillis: 250, memoryMi: 0, limitCpuMillis: 0, limitMemoryMi: 0, count: 1 },
  { workload: 'kube-controller-manager', cpuMillis: 200, memoryMi: 0, limitCpuMillis: 0, limitMemoryMi: 0, count: 1 },
  { workload: 'kube-scheduler', cpuMillis: 100, memoryMi: 0, limitCpuMillis: 0, limitMemoryMi: 0, count: 1 },
  { workload: 'etcd', cpuMillis: 100, memoryMi: 100, limitCpuMillis: 0, limitMemoryMi: 0, count: 1 },
  // coredns and local-path float in a real cluster; the model puts them on the control plane, which tolerates both.
  { workload: 'coredns', cpuMillis: 100, memoryMi: 70, limitCpuMillis: 0, limitMemoryMi: 170, count: 2 },
  { workload: 'local-path-provisioner', cpuMillis: 0, memoryMi: 0, limitCpuMillis: 0, limitMemoryMi: 0, count: 1 },
];

// DaemonSets on every node. kindnet's limits were dropped after v0.32 (kind#4215); we model ≤ v0.32.
const EVERY_NODE_PODS: BaselinePod[] = [
  { workload: 'kindnet', cpuMillis: 100, memoryMi: 50, limitCpuMillis: 100, limitMemoryMi: 50, count: 1 },
  { workload: 'kube-proxy', cpuMillis: 0, memoryMi: 0, limitCpuMillis: 0, limitMemoryMi: 0, count: 1 },
];

/**
 * kind's system pods, bound to their nodes: 9 on the control plane (950m / 290Mi requests, 100m / 390Mi
 * limits) and 2 on each worker (100m / 50Mi).
 */
export function systemPods(nodes: SimNode[]): PodSpec[] {
  return nodes.flatMap((node) => {
    const here = node.role === 'control-plane' ? [...CONTROL_PLANE_PODS, ...EVERY_NODE_PODS] : EVERY_NODE_PODS;
    return here.flatMap((p) =>
      Array.from({ length: p.count }, (_, i): PodSpec => ({
        // Names are ours, not kind's hashes: unique per node and readable in a Pending list that never has them.
        name: `${p.workload}-${p.count > 1 ? i : node.name}`,
        workload: p.workload,
        origin: 'system',
        requests: { cpuMillis: p.cpuMillis, memoryBytes: p.memoryMi * MiB },
        limits: { cpuMillis: p.limitCpuMillis, memoryBytes: p.limitMemoryMi * MiB },
        nodeName: node.name,
      })),
    );
  });
}
