/**
 * M1, M4, M5 (docs/kind-budget.md, "The rules"): NATS servers' memory against their limits and the VM.
 *
 * M2 (memory limit without GOMEMLIMIT) and M3 (`max_memory_store` unset) are not rules here: our renderer
 * always writes GOMEMLIMIT = 80% of the memory limit when a limit is set, and always writes `max_memory_store`
 * (the resolved model has no "unset"), so neither can happen. A cluster without a memory limit gets no
 * GOMEMLIMIT either; M1 covers that case.
 */

import { goMemLimit } from '../../k8s/cluster-objects';
import { bytes, formatBytes, formatMi } from '../../quantity';
import type { Problem } from '../../problems';
import { percentOf } from '../usage';
import { plural, type BudgetFacts } from './facts';

/** M1: a NATS cluster without a memory limit sizes itself (and its memory store default) to the whole VM. */
export function m1NoMemoryLimit(f: BudgetFacts): Problem[] {
  return f.clusters
    .filter((c) => c.resources.limits.memory === undefined && c.replicas > 0)
    .map((c) => ({
      code: 'M1',
      severity: 'warning',
      target: { kind: 'cluster', cluster: c.name, field: 'resources.limits.memory' },
      message: `Cluster ${c.name} has no memory limit, so its servers get no GOMEMLIMIT and the Go runtime sizes itself to the VM's ${formatMi(f.vm.memoryBytes)}.`,
      fix: 'Set a memory limit and GOMEMLIMIT≈80% of it.',
    }));
}

/** M4: a server's memory store above half its memory limit ("high" at or above the limit). */
export function m4MemoryStoreVsLimit(f: BudgetFacts): Problem[] {
  if (!f.topology.jetstream.enabled) return [];
  return f.clusters.flatMap((c): Problem[] => {
    const limit = c.resources.limits.memory;
    if (limit === undefined || c.replicas === 0) return [];
    const limitBytes = bytes(limit);
    const store = bytes(c.jetstream.memoryStore);
    if (store * 2 <= limitBytes) return [];
    const high = store >= limitBytes ? 'High: ' : '';
    return [
      {
        code: 'M4',
        severity: 'warning',
        target: { kind: 'cluster', cluster: c.name, field: 'jetstream.memoryStore' },
        message: `${high}each server of cluster ${c.name} may hold ${formatBytes(store)} of memory streams, ${percentOf(store, limitBytes)}% of its ${formatBytes(limitBytes)} limit (GOMEMLIMIT ${goMemLimit(c)}); the store and the server's working set must both fit under the limit.`,
        fix: 'Raise the limit or lower `max_memory_store`.',
      },
    ];
  });
}

/** M5: filling every server's memory store would take over half the usable VM memory. */
export function m5MemoryStoresVsVm(f: BudgetFacts): Problem[] {
  const total = f.jetstream.memoryStoreBytes;
  const usable = f.vm.memoryUsableBytes;
  if (total === 0 || total * 2 <= usable) return [];
  return [
    {
      code: 'M5',
      severity: 'warning',
      target: { kind: 'topology', field: 'defaults.jetstream.memoryStore' },
      message: `${plural(f.jetstream.servers, 'server')} may hold ${formatBytes(total)} of memory streams together, ${percentOf(total, usable)}% of the ~${formatMi(usable)} usable VM memory: filling them would OOM the VM.`,
      fix: 'Lower `max_memory_store` or reduce replicas.',
    },
  ];
}
