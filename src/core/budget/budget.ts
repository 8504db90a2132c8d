import { resolveCluster, type Topology } from '../model';
import { sortProblems } from '../problems';
import { jetstreamFigures, nodeFigures, totalFigures, vmFigures } from './figures';
import { kindNodes, systemPods } from './kind-baseline';
import { natsPods, otherWorkloadPods } from './pods';
import { budgetProblems } from './rules/index';
import { simulate } from './simulate';
import type { Budget } from './types';

/**
 * The resource budget of a topology on its local kind cluster (docs/kind-budget.md): kind's nodes
 * and system pods, a scheduler simulation of the NATS servers and other workloads, host-level sums against the
 * one VM, JetStream's memory and disk claims, and the problems of its rules. Pure and deterministic.
 */
export function budget(topology: Topology): Budget {
  const vm = vmFigures(topology.kind);
  const clusters = topology.clusters.map((c) => resolveCluster(topology, c));
  const nodes = kindNodes(topology.kind.workers, { cpuMillis: vm.cpuMillis, memoryBytes: vm.memoryBytes });
  const pods = [
    ...systemPods(nodes),
    ...clusters.flatMap(natsPods),
    ...topology.kind.otherWorkloads.flatMap(otherWorkloadPods),
  ];
  const placement = simulate(nodes, pods);
  const totals = totalFigures(placement, vm);
  const jetstream = jetstreamFigures(topology.jetstream.enabled, clusters, nodes.length);
  return {
    vm,
    nodes: nodeFigures(placement),
    totals,
    jetstream,
    pending: placement.pending.map((p) => ({
      pod: p.pod.name,
      workload: p.pod.workload,
      reason: p.reason,
      explanation: p.explanation,
      blockers: p.blockers,
    })),
    problems: sortProblems(budgetProblems({ topology, clusters, vm, placement, totals, jetstream })),
  };
}
