/** The words for a Pending pod: kube-scheduler's FailedScheduling text, and a short one for people. */

import type { Blocker, PodSpec } from './pod-spec';
import { formatMi, formatMillis } from '../quantity';

/** One node's refusal, as the simulation records it. */
export interface NodeRefusal {
  node: string;
  blockers: Blocker[];
  /** The untolerated taint key, for the `taint` wording. */
  taint?: string;
}

function schedulerWords(b: Blocker, taint: string | undefined): string {
  switch (b) {
    case 'taint':
      return `node(s) had untolerated taint {${taint ?? ''}: }`;
    case 'ports':
      return "node(s) didn't have free ports for the requested pod ports";
    case 'pods':
      return 'Too many pods';
    case 'cpu':
      return 'Insufficient cpu';
    case 'memory':
      return 'Insufficient memory';
    case 'spread':
      return "node(s) didn't match pod topology spread constraints";
    case 'anti-affinity':
      return "node(s) didn't match pod anti-affinity rules";
  }
}

/**
 * `0/3 nodes are available: 1 node(s) had untolerated taint {…: }, 2 Insufficient memory.`: a histogram of
 * reasons, each `count reason`, sorted as strings, as the scheduler's FitError prints it (without the
 * preemption suffix).
 */
export function schedulerMessage(nodeCount: number, refusals: NodeRefusal[]): string {
  const counts = new Map<string, number>();
  for (const r of refusals) {
    for (const b of r.blockers) {
      const words = schedulerWords(b, r.taint);
      counts.set(words, (counts.get(words) ?? 0) + 1);
    }
  }
  const parts = [...counts].map(([words, n]) => `${n} ${words}`).sort();
  return `0/${nodeCount} nodes are available: ${parts.join(', ')}.`;
}

/** Distinct blockers over all nodes, in filter order. */
export function distinctBlockers(refusals: NodeRefusal[]): Blocker[] {
  const order: Blocker[] = ['taint', 'ports', 'pods', 'cpu', 'memory', 'spread', 'anti-affinity'];
  const seen = new Set<Blocker>();
  for (const r of refusals) for (const b of r.blockers) seen.add(b);
  return order.filter((b) => seen.has(b));
}

/** "not enough free memory (needs 512Mi)": the blockers that matter, leaving out taints when others exist. */
export function explainPending(pod: PodSpec, blockers: Blocker[], maxPods: number): string {
  const shown = blockers.length > 1 ? blockers.filter((b) => b !== 'taint') : blockers;
  return shown
    .map((b) => {
      switch (b) {
        case 'taint':
          return 'every node has a taint the pod does not tolerate';
        case 'ports':
          return `its hostPort ${(pod.hostPorts ?? []).map((h) => `${h.port}/${h.protocol}`).join(', ')} is taken on every node it may use`;
        case 'pods':
          return `nodes are at their ${maxPods}-pod limit`;
        case 'cpu':
          return `not enough free CPU (needs ${formatMillis(pod.requests.cpuMillis)})`;
        case 'memory':
          return `not enough free memory (needs ${formatMi(pod.requests.memoryBytes)})`;
        case 'spread':
          return `topology spread (DoNotSchedule, maxSkew ${pod.spread?.maxSkew ?? 1}) allows no more replicas per node`;
        case 'anti-affinity':
          return 'required anti-affinity allows one replica per node';
      }
    })
    .join('; ');
}
