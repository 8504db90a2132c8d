/** The budget rules (docs/kind-budget.md, "The rules"), each a {@link Rule} over the facts `check` computes once. */

import type { Rule } from '../../check/rule';
import { k1OneContext } from './contexts';
import { d1Disk, d3LocalPath } from './disk';
import { h1HostMemoryRequests, h2HostCpuRequests, h3HostMemoryLimits, h4HostCpuLimits, h5ProviderDefault } from './host';
import { m5MemoryStoresVsVm } from './memory';
import { n1SmallCluster, n2OneNode } from './nats';
import { schedulingProblems } from './scheduling';

/**
 * Every budget rule, in table order. M2, M3 and D2 cannot fire for what we render (see their modules); M1 and M4
 * are the lint's LIMIT_MISSING and MEMORY_STORE_* (one rule owns each fact).
 */
export const BUDGET_RULES: readonly Rule[] = [
  { id: 'scheduling', description: 'S1–S8: the scheduler places every pod on the kind nodes.', check: (f) => schedulingProblems(f.placement) },
  { id: 'host-memory-requests', description: "H1, H1w: memory requests fit the one VM's usable memory.", check: h1HostMemoryRequests },
  { id: 'host-cpu-requests', description: "H2: CPU requests fit the VM's CPUs.", check: h2HostCpuRequests },
  { id: 'host-memory-limits', description: "H3: memory limits fit the VM's usable memory.", check: h3HostMemoryLimits },
  { id: 'host-cpu-limits', description: "H4: CPU limits fit the VM's CPUs.", check: h4HostCpuLimits },
  { id: 'provider-default', description: "H5: the VM is larger than its provider's default.", check: h5ProviderDefault },
  { id: 'memory-stores-vs-vm', description: "M5: all memory stores together fit half the VM's usable memory.", check: m5MemoryStoresVsVm },
  { id: 'disk', description: "D1: what the design can write fits the VM's disk.", check: d1Disk },
  { id: 'local-path', description: "D3: kind's local-path volumes enforce no size.", check: d3LocalPath },
  { id: 'small-cluster', description: 'N1: a JetStream cluster has the 3 servers R3 streams need.', check: n1SmallCluster },
  { id: 'one-node', description: "N2: a cluster's servers are spread over nodes.", check: n2OneNode },
  { id: 'one-context', description: 'K1: a design over several kube contexts is budgeted for the first one only.', check: k1OneContext },
];
