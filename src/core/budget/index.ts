/** The kind resource budget: `budget(topology)`, its result types, and the scheduler simulation for tests and tools. */
export { budget } from './budget';
export type { Budget, BudgetJetStream, BudgetNode, BudgetPending, BudgetTotals, BudgetVm } from './types';
export type { Percent, Usage } from './usage';
export { percentOf } from './usage';
export { ASSUMPTIONS } from './assumptions';
export { usableMemoryText } from './figures';
export { vmSizeFor, isSizeProblem, FIT_LIMITS, type VmSize } from './fit-vm';
export type { Blocker, HostPort, NodeRole, PodOrigin, PodSpec, SimNode, SpreadConstraint, Taint } from './pod-spec';
export { simulate, type Placement, type PendingPod } from './simulate';
export type { NodeState } from './filters';
export type { NodeRefusal } from './scheduler-message';
export { CONTROL_PLANE_TAINT, kindNodes, systemPods } from './kind-baseline';
export { NATS_SPREAD } from './pods';
export { schedulingProblems } from './rules/scheduling';
