import { nodeFigures } from './figures';
import { factsOf } from '../check/facts';
import { runRules } from '../check/check';
import type { Topology } from '../model';
import { BUDGET_RULES } from './rules/index';
import type { Budget } from './types';

/**
 * The resource budget of a topology on its local kind cluster (docs/kind-budget.md): kind's nodes
 * and system pods, a scheduler simulation of the NATS servers and other workloads, host-level sums against the
 * one VM, JetStream's memory and disk claims, and the problems of its rules. Pure and deterministic; the model is
 * the facts `check` computes once per topology.
 */
export function budget(topology: Topology): Budget {
  const facts = factsOf(topology);
  const { vm, placement, totals, jetstream } = facts;
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
    problems: runRules(BUDGET_RULES, facts),
  };
}
