/**
 * Placement: kind's bound pods first, then every other pod in first-fit-decreasing order through the filters of
 * `filters.ts`. Filter results are exact; which of several fitting nodes a pod gets is an approximation of
 * kube-scheduler's scores (docs/kind-budget.md, "Scheduler facts the placement relies on").
 */

import { nodeBlockers, matching, untoleratedTaint, type NodeState } from './filters';
import type { Blocker, PodSpec, SimNode } from './pod-spec';
import { distinctBlockers, explainPending, schedulerMessage, type NodeRefusal } from './scheduler-message';
import { add, ZERO } from './usage';

/** A pod the scheduler would leave Pending. */
export interface PendingPod {
  pod: PodSpec;
  /** kube-scheduler's wording: `0/1 nodes are available: 1 Insufficient memory.` */
  reason: string;
  /** For people: `not enough free memory (needs 512Mi)`. */
  explanation: string;
  /** Every filter that refused it on some node, in filter order. */
  blockers: Blocker[];
}

/** The outcome of {@link simulate}: nodes in input order with their pods, and the pods that did not fit. */
export interface Placement {
  nodes: NodeState[];
  pending: PendingPod[];
}

/**
 * Places `pods` on `nodes` as kube-scheduler would. Pods with `nodeName` are bound there unchecked (static and
 * DaemonSet pods). The rest go in decreasing order of CPU request, then memory request, then name, so the
 * result does not depend on input order. A pod goes to the node, among those that pass every filter, with the
 * fewest pods of its workload when it has a ScheduleAnyway spread (PodTopologySpread scoring), then the least
 * requested one (NodeResourcesFit's default LeastAllocated scoring), then the first in node order.
 *
 * @throws when a pod is bound to a node that is not in `nodes`: a caller's mistake, not a user's.
 */
export function simulate(nodes: SimNode[], pods: PodSpec[]): Placement {
  const states: NodeState[] = nodes.map((node) => ({ node, pods: [], requests: ZERO, limits: ZERO }));
  const pending: PendingPod[] = [];
  const maxPods = Math.max(0, ...nodes.map((n) => n.maxPods));

  for (const pod of pods.filter((p) => p.nodeName !== undefined)) {
    const state = states.find((s) => s.node.name === pod.nodeName);
    if (!state) throw new Error(`pod ${pod.name} is bound to unknown node ${pod.nodeName}`);
    bind(state, pod);
  }

  for (const pod of pods.filter((p) => p.nodeName === undefined).sort(placementOrder)) {
    const refusals: NodeRefusal[] = states.map((s) => ({
      node: s.node.name,
      blockers: nodeBlockers(pod, s, states),
      taint: untoleratedTaint(pod, s.node)?.key,
    }));
    const fitting = states.filter((_, i) => refusals[i].blockers.length === 0);
    if (fitting.length === 0) {
      const blockers = distinctBlockers(refusals);
      pending.push({
        pod,
        reason: schedulerMessage(nodes.length, refusals),
        explanation: explainPending(pod, blockers, maxPods),
        blockers,
      });
      continue;
    }
    bind(best(pod, fitting), pod);
  }
  return { nodes: states, pending };
}

function bind(state: NodeState, pod: PodSpec): void {
  state.pods.push(pod);
  state.requests = add(state.requests, pod.requests);
  state.limits = add(state.limits, pod.limits);
}

/** Decreasing requests (CPU, then memory), then name with numbers compared as numbers (`-2` before `-10`). */
export function placementOrder(a: PodSpec, b: PodSpec): number {
  return b.requests.cpuMillis - a.requests.cpuMillis || b.requests.memoryBytes - a.requests.memoryBytes || compareNames(a.name, b.name);
}

/** Natural order on names: runs of digits compare by value; everything else by code unit. */
export function compareNames(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumbers && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function best(pod: PodSpec, fitting: NodeState[]): NodeState {
  const soft = pod.spread?.whenUnsatisfiable === 'ScheduleAnyway';
  let chosen = fitting[0];
  for (const s of fitting.slice(1)) {
    const bySpread = soft ? matching(pod, s) - matching(pod, chosen) : 0;
    if (bySpread < 0 || (bySpread === 0 && requestedShare(pod, s) < requestedShare(pod, chosen))) chosen = s;
  }
  return chosen;
}

/** CPU and memory requested after adding `pod`, as shares of allocatable: lower is what LeastAllocated prefers. */
function requestedShare(pod: PodSpec, s: NodeState): number {
  const a = s.node.allocatable;
  const cpu = a.cpuMillis > 0 ? (s.requests.cpuMillis + pod.requests.cpuMillis) / a.cpuMillis : 0;
  const mem = a.memoryBytes > 0 ? (s.requests.memoryBytes + pod.requests.memoryBytes) / a.memoryBytes : 0;
  return cpu + mem;
}
