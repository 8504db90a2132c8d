/** The budget's numbers, derived from the kind environment, the placement and the clusters. */

import { PROVIDERS } from '../defaults';
import type { KindEnvironment, ResolvedCluster } from '../model';
import { bytes, formatMi } from '../quantity';
import { ASSUMPTIONS } from './assumptions';
import type { PodOrigin } from './pod-spec';
import type { Placement } from './simulate';
import type { BudgetJetStream, BudgetNode, BudgetTotals, BudgetVm } from './types';
import { percentOfUsage, sum, type Usage } from './usage';

/** The VM's size and what is left of its memory for pods (docs/kind-budget.md, "The model", item 4). */
export function vmFigures(kind: KindEnvironment): BudgetVm {
  const preset = PROVIDERS[kind.provider];
  const memoryBytes = bytes(kind.memory);
  const nodeCount = 1 + kind.workers;
  // Our kind environments have one control plane; HA control planes are not modelled.
  const controlPlanes = 1;
  const overhead = ASSUMPTIONS.vmOsReserveBytes + nodeCount * ASSUMPTIONS.perNodeAgentBytes + controlPlanes * ASSUMPTIONS.controlPlaneRssBytes;
  return {
    provider: kind.provider,
    cpuMillis: kind.cpus * 1000,
    memoryBytes,
    diskBytes: bytes(kind.disk),
    memoryUsableBytes: Math.max(0, memoryBytes - overhead),
    atProviderDefault: kind.cpus === preset.cpus && memoryBytes === bytes(preset.memory),
  };
}

/**
 * The one way every text names the memory left for pods ("736Mi usable by pods"): the rules' messages and fixes, the
 * CLI and the designer's panel all say this, so the figure reads the same wherever it appears.
 */
export function usableMemoryText(vm: Pick<BudgetVm, 'memoryUsableBytes'>): string {
  return `${formatMi(vm.memoryUsableBytes)} usable by pods`;
}

export function nodeFigures(placement: Placement): BudgetNode[] {
  return placement.nodes.map((s) => ({
    name: s.node.name,
    role: s.node.role,
    schedulable: s.node.taints.length === 0,
    allocatable: { ...s.node.allocatable },
    requests: s.requests,
    limits: s.limits,
    requestPercent: percentOfUsage(s.requests, s.node.allocatable),
    limitPercent: percentOfUsage(s.limits, s.node.allocatable),
    pods: s.pods.length,
    maxPods: s.node.maxPods,
    natsPods: s.pods.filter((p) => p.origin === 'nats').map((p) => p.name),
  }));
}

export function totalFigures(placement: Placement, vm: BudgetVm): BudgetTotals {
  const placed = placement.nodes.flatMap((s) => s.pods);
  const requestsOf = (origin: PodOrigin): Usage => sum(placed.filter((p) => p.origin === origin).map((p) => p.requests));
  const requests = sum(placement.nodes.map((s) => s.requests));
  const limits = sum(placement.nodes.map((s) => s.limits));
  const whole = { cpuMillis: vm.cpuMillis, memoryBytes: vm.memoryBytes };
  return {
    requests,
    limits,
    systemRequests: requestsOf('system'),
    natsRequests: requestsOf('nats'),
    otherRequests: requestsOf('other'),
    requestPercent: percentOfUsage(requests, whole),
    limitPercent: percentOfUsage(limits, whole),
  };
}

/** JetStream's memory and disk claims; with JetStream off only images and etcd need disk. */
export function jetstreamFigures(enabled: boolean, clusters: ResolvedCluster[], nodeCount: number): BudgetJetStream {
  const servers = enabled ? clusters.reduce((n, c) => n + c.replicas, 0) : 0;
  const total = (pick: (c: ResolvedCluster) => string): number => (enabled ? clusters.reduce((n, c) => n + c.replicas * bytes(pick(c)), 0) : 0);
  const fileStoreBytes = total((c) => c.jetstream.fileStore);
  return {
    enabled,
    servers,
    memoryStoreBytes: total((c) => c.jetstream.memoryStore),
    fileStoreBytes,
    volumeBytes: total((c) => c.jetstream.volumeSize),
    // We always render max_file_store, so it is each server's effective file store (docs/kind-budget.md, "The model", item 5).
    diskNeededBytes: fileStoreBytes + nodeCount * ASSUMPTIONS.imageBytesPerNode + ASSUMPTIONS.etcdAndLogsBytes,
  };
}
