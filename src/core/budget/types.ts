/**
 * What {@link budget} returns: plain numbers (millicores, bytes, percent) that the CLI prints as a table and
 * as JSON and the UI draws as bars, plus the problems the rules found.
 */

import type { KindProvider } from '../model';
import type { Problem } from '../problems';
import type { Blocker, NodeRole } from './pod-spec';
import type { Percent, Usage } from './usage';

/** The VM (or Linux host) every kind node shares. */
export interface BudgetVm {
  provider: KindProvider;
  cpuMillis: number;
  memoryBytes: number;
  diskBytes: number;
  /**
   * Memory left for pods once the VM's OS, each node's kubelet/containerd and the control plane's RSS above its
   * requests are taken off (see `ASSUMPTIONS`). Never below 0.
   */
  memoryUsableBytes: number;
  /** CPUs and memory equal the provider's preset size. */
  atProviderDefault: boolean;
}

/** One kind node after placement. */
export interface BudgetNode {
  /** kind's name: `kind-control-plane`, `kind-worker`, `kind-worker2`. */
  name: string;
  role: NodeRole;
  /** Whether user pods may land here: false for a tainted control plane. */
  schedulable: boolean;
  /** What the node reports: the whole VM, since kind reserves nothing. */
  allocatable: Usage;
  requests: Usage;
  /** Sum of the limits that are set, as `kubectl describe node` adds them; unlimited containers add 0. */
  limits: Usage;
  /** requests and limits as percent of allocatable, one decimal. */
  requestPercent: Percent;
  limitPercent: Percent;
  /** Pods on the node, system pods included. */
  pods: number;
  maxPods: number;
  natsPods: string[];
}

/** Sums over every node's placed pods: the real load on the one VM. Pending pods are not counted. */
export interface BudgetTotals {
  requests: Usage;
  limits: Usage;
  systemRequests: Usage;
  natsRequests: Usage;
  otherRequests: Usage;
  /** requests and limits as percent of the VM's CPUs and memory (not of the usable memory). */
  requestPercent: Percent;
  limitPercent: Percent;
}

/** JetStream's claims on the VM, over every server whether placed or not. */
export interface BudgetJetStream {
  enabled: boolean;
  servers: number;
  /** Σ `max_memory_store`. */
  memoryStoreBytes: number;
  /** Σ `max_file_store`. */
  fileStoreBytes: number;
  /** Σ PVC sizes. */
  volumeBytes: number;
  /**
   * Disk the design can fill (docs/kind-budget.md, "The model", item 6): Σ `max_file_store` (local-path enforces no PVC size) +
   * images per node + etcd and logs (see `ASSUMPTIONS`).
   */
  diskNeededBytes: number;
}

/** A pod the scheduler would leave Pending. */
export interface BudgetPending {
  pod: string;
  workload: string;
  /** kube-scheduler's wording: `0/1 nodes are available: 1 Insufficient memory.` */
  reason: string;
  /** For people: `not enough free memory (needs 512Mi)`. */
  explanation: string;
  blockers: Blocker[];
}

/** The resource budget of a topology on its kind cluster. */
export interface Budget {
  vm: BudgetVm;
  nodes: BudgetNode[];
  totals: BudgetTotals;
  jetstream: BudgetJetStream;
  pending: BudgetPending[];
  /** Sorted by severity, code, message. */
  problems: Problem[];
}
