import type { ResolvedCluster, Topology } from '../../model';
import type { ProblemTarget } from '../../problems';
import type { PodSpec } from '../pod-spec';
import type { Placement } from '../simulate';
import type { BudgetJetStream, BudgetTotals, BudgetVm } from '../types';

/** The kind budget's part of the facts every rule may look at (`check/facts.ts`). */
export interface BudgetFacts {
  topology: Topology;
  clusters: ResolvedCluster[];
  /**
   * The clusters the kind VM runs: all of them, or, for a design over several Kubernetes clusters, those of the first
   * cluster's kube context (the one that also holds nats-box): each context is a Kubernetes cluster of its own.
   */
  kindClusters: ResolvedCluster[];
  vm: BudgetVm;
  placement: Placement;
  totals: BudgetTotals;
  jetstream: BudgetJetStream;
}

/** Where to point a problem about a pod's workload: its NATS cluster, or the kind environment's other workloads. */
export function workloadTarget(pod: PodSpec, field?: string): ProblemTarget {
  if (pod.origin === 'nats' && pod.cluster !== undefined) {
    return field === undefined ? { kind: 'cluster', cluster: pod.cluster } : { kind: 'cluster', cluster: pod.cluster, field };
  }
  if (pod.origin === 'nats') return { kind: 'topology', field: 'natsBox' };
  return { kind: 'kind', field: 'otherWorkloads' };
}

/** `a, b, c` or `a, b, c and 4 more`: keeps messages short for big designs. */
export function listNames(names: string[], max = 8, separator = ', '): string {
  if (names.length <= max) return names.join(separator);
  return `${names.slice(0, max).join(separator)} and ${names.length - max} more`;
}

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
