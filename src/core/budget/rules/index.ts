/** The budget rules (docs/kind-budget.md, "The rules"), gathered in one registry. */

import type { Problem } from '../../problems';
import { d1Disk, d3LocalPath } from './disk';
import type { BudgetFacts, BudgetRule } from './facts';
import { h1HostMemoryRequests, h2HostCpuRequests, h3HostMemoryLimits, h4HostCpuLimits, h5ProviderDefault } from './host';
import { m1NoMemoryLimit, m4MemoryStoreVsLimit, m5MemoryStoresVsVm } from './memory';
import { n1SmallCluster, n2OneNode } from './nats';
import { schedulingProblems } from './scheduling';

/** Every rule, in table order; M2, M3 and D2 cannot fire for what we render (see their modules). */
export const BUDGET_RULES: BudgetRule[] = [
  (f) => schedulingProblems(f.placement),
  h1HostMemoryRequests,
  h2HostCpuRequests,
  h3HostMemoryLimits,
  h4HostCpuLimits,
  h5ProviderDefault,
  m1NoMemoryLimit,
  m4MemoryStoreVsLimit,
  m5MemoryStoresVsVm,
  d1Disk,
  d3LocalPath,
  n1SmallCluster,
  n2OneNode,
];

export function budgetProblems(facts: BudgetFacts): Problem[] {
  return BUDGET_RULES.flatMap((rule) => rule(facts));
}
