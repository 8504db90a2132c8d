/**
 * M5 (docs/kind-budget.md, "The rules"): NATS servers' memory stores against the VM. M1 (no memory limit) and M4 (the
 * memory store against the limit) are the lint's LIMIT_MISSING and MEMORY_STORE_EXCEEDS_LIMIT / MEMORY_STORE_HIGH: one
 * rule owns each fact.
 *
 * M2 (memory limit without GOMEMLIMIT) and M3 (`max_memory_store` unset) are not rules here: our renderer
 * always writes GOMEMLIMIT = 80% of the memory limit when a limit is set, and always writes `max_memory_store`
 * (the resolved model has no "unset"), so neither can happen. A cluster without a memory limit gets no
 * GOMEMLIMIT either; LIMIT_MISSING says so.
 */

import { formatBytes } from '../../quantity';
import type { Problem } from '../../problems';
import { usableMemoryText } from '../figures';
import { percentOf } from '../usage';
import { plural, type BudgetFacts } from './facts';

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
      message: `${plural(f.jetstream.servers, 'server')} may hold ${formatBytes(total)} of memory streams together, ${percentOf(total, usable)}% of the ${usableMemoryText(f.vm)}: filling them would OOM the VM.`,
      fix: 'Lower `max_memory_store` or reduce replicas.',
    },
  ];
}
