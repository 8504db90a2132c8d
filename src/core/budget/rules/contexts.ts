/** K1 (docs/kind-budget.md, "The rules"): a design over several Kubernetes clusters does not run on one kind VM. */

import type { Problem } from '../../problems';
import { siteOf } from '../../conf/placement';
import { listNames, plural, type BudgetFacts } from './facts';

/**
 * K1: the budget models one kind VM, so for a design over several kube contexts it checks the first cluster's
 * context (which also gets nats-box) and says which clusters it left out, rather than piling every region on one VM.
 */
export function k1OneContext(f: BudgetFacts): Problem[] {
  const left = f.clusters.filter((c) => !f.kindClusters.includes(c));
  if (left.length === 0) return [];
  const context = siteOf(f.kindClusters[0] ?? {}) ?? 'the default one';
  const others = [...new Set(left.map((c) => siteOf(c) ?? 'the default one'))];
  return [
    {
      code: 'K1',
      severity: 'info',
      target: { kind: 'kind', field: 'memory' },
      message: `The design spans ${plural(others.length + 1, 'Kubernetes cluster')}; the kind budget covers kube context ${context} only (clusters ${listNames(f.kindClusters.map((c) => c.name))}); clusters ${listNames(left.map((c) => c.name))} run in kube contexts ${listNames(others)}.`,
      fix: 'Size each other Kubernetes cluster on its own, or, to try the design on this VM, give every cluster the same kube context.',
    },
  ];
}
