/**
 * The scheduler's view of pods and nodes: only the properties that decide placement. Synthetic lists of these
 * drive the simulation in tests; {@link budget} builds them from a topology.
 */

import type { Usage } from './usage';

/** Why a node refused a pod, one per scheduler filter (kube-scheduler's own wording is in `scheduler-message.ts`). */
export type Blocker = 'taint' | 'ports' | 'pods' | 'cpu' | 'memory' | 'spread' | 'anti-affinity';

/** A node taint with an empty value, as kind sets `node-role.kubernetes.io/control-plane:NoSchedule`. */
export interface Taint {
  key: string;
  effect: 'NoSchedule' | 'NoExecute';
}

export interface HostPort {
  port: number;
  protocol: 'TCP' | 'UDP';
}

/** One `topologySpreadConstraints` entry on `kubernetes.io/hostname`, selecting the pod's own workload. */
export interface SpreadConstraint {
  maxSkew: number;
  whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  /** Whether tainted nodes count as domains. Kubernetes' default is Ignore: they count (k8s#116118). */
  nodeTaintsPolicy: 'Honor' | 'Ignore';
  /** @default 1 */
  minDomains?: number;
}

/** Where a pod comes from: kind itself, a NATS cluster, or another workload of the user. */
export type PodOrigin = 'system' | 'nats' | 'other';

export interface PodSpec {
  /** Pod name, unique in the list: `nats-a-2`, `noetl-core-0`, `coredns-1`. */
  name: string;
  /** The controller's name; also the label selector that spread and anti-affinity match. */
  workload: string;
  origin: PodOrigin;
  /** The NATS cluster of a `nats` pod. */
  cluster?: string;
  /** What the scheduler reserves; a limit-only resource is already normalised to request = limit. */
  requests: Usage;
  /** 0 means no limit. */
  limits: Usage;
  /** Bound to this node without filtering, as static pods and DaemonSet pods are. @default unset */
  nodeName?: string;
  /** Taint keys the pod tolerates (any effect). @default [] */
  tolerations?: string[];
  /** @default none */
  spread?: SpreadConstraint;
  /** Required pod anti-affinity on hostname against its own workload. @default false */
  antiAffinity?: boolean;
  /** @default [] */
  hostPorts?: HostPort[];
}

export type NodeRole = 'control-plane' | 'worker';

export interface SimNode {
  /** kind's node names: `kind-control-plane`, `kind-worker`, `kind-worker2`. */
  name: string;
  role: NodeRole;
  allocatable: Usage;
  taints: Taint[];
  maxPods: number;
}
