/**
 * kube-scheduler's filters, reduced to what a kind budget needs. Each node is checked in the scheduler's plugin
 * order (TaintToleration, NodePorts, NodeResourcesFit, PodTopologySpread, InterPodAffinity) and, like the
 * scheduler, stops at the first plugin that refuses; NodeResourcesFit reports all of its reasons at once.
 */

import type { Blocker, PodSpec, SimNode, Taint } from './pod-spec';
import type { Usage } from './usage';

/** A node with the pods bound to it so far. */
export interface NodeState {
  node: SimNode;
  pods: PodSpec[];
  requests: Usage;
  limits: Usage;
}

/** The reasons `state` refuses `pod`; empty when the pod fits. `all` is every node, for spread domains. */
export function nodeBlockers(pod: PodSpec, state: NodeState, all: NodeState[]): Blocker[] {
  if (!toleratesNode(pod, state.node)) return ['taint'];
  if (portsTaken(pod, state)) return ['ports'];
  const fit = resourceBlockers(pod, state);
  if (fit.length > 0) return fit;
  if (spreadRefuses(pod, state, all)) return ['spread'];
  if (antiAffinityRefuses(pod, state)) return ['anti-affinity'];
  return [];
}

/** The first taint of `node` that `pod` does not tolerate, if any. */
export function untoleratedTaint(pod: PodSpec, node: SimNode): Taint | undefined {
  const tolerated = pod.tolerations ?? [];
  return node.taints.find((t) => !tolerated.includes(t.key));
}

export function toleratesNode(pod: PodSpec, node: SimNode): boolean {
  return untoleratedTaint(pod, node) === undefined;
}

/** Whether two pods ask for the same hostPort and protocol (the NodePorts filter; hostIP is always 0.0.0.0 here). */
export function sharesHostPort(a: PodSpec, b: PodSpec): boolean {
  const wanted = a.hostPorts ?? [];
  return (b.hostPorts ?? []).some((h) => wanted.some((w) => w.port === h.port && w.protocol === h.protocol));
}

function portsTaken(pod: PodSpec, state: NodeState): boolean {
  if (!pod.hostPorts?.length) return false;
  return state.pods.some((p) => sharesHostPort(pod, p));
}

function resourceBlockers(pod: PodSpec, state: NodeState): Blocker[] {
  const out: Blocker[] = [];
  const free = {
    cpuMillis: state.node.allocatable.cpuMillis - state.requests.cpuMillis,
    memoryBytes: state.node.allocatable.memoryBytes - state.requests.memoryBytes,
  };
  if (state.pods.length + 1 > state.node.maxPods) out.push('pods');
  // The scheduler skips a resource the pod does not request: BestEffort pods fit a full node.
  if (pod.requests.cpuMillis > 0 && pod.requests.cpuMillis > free.cpuMillis) out.push('cpu');
  if (pod.requests.memoryBytes > 0 && pod.requests.memoryBytes > free.memoryBytes) out.push('memory');
  return out;
}

/** Pods of the same workload on a node: what spread and anti-affinity selectors match. */
export function matching(pod: PodSpec, state: NodeState): number {
  return state.pods.filter((p) => p.workload === pod.workload).length;
}

/**
 * `DoNotSchedule` on hostname: skew = matching pods on the node + 1 − the minimum over eligible domains.
 * With nodeTaintsPolicy Ignore a tainted control plane is an eligible domain that stays at 0, which caps each
 * worker at maxSkew (k8s#116118). Fewer eligible domains than minDomains makes the minimum 0.
 */
function spreadRefuses(pod: PodSpec, state: NodeState, all: NodeState[]): boolean {
  const c = pod.spread;
  if (!c || c.whenUnsatisfiable !== 'DoNotSchedule') return false;
  const domains = all.filter((s) => c.nodeTaintsPolicy === 'Ignore' || toleratesNode(pod, s.node));
  const counts = domains.map((s) => matching(pod, s));
  const min = domains.length < (c.minDomains ?? 1) ? 0 : Math.min(...counts);
  return matching(pod, state) + 1 - min > c.maxSkew;
}

function antiAffinityRefuses(pod: PodSpec, state: NodeState): boolean {
  // Symmetric in practice: every pod of a workload carries the same rule against its own workload.
  return state.pods.some((p) => p.workload === pod.workload && (pod.antiAffinity || p.antiAffinity));
}
