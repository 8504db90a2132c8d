/**
 * H1–H5 (docs/kind-budget.md, "The rules"): the one VM under every node. Each kind node reports the whole VM, so a multi-node
 * cluster schedules N× the real memory; these rules compare the sums with what the VM really has.
 */

import { PROVIDERS } from '../../defaults';
import type { Problem } from '../../problems';
import { formatMi, formatMillis } from '../../quantity';
import { usableMemoryText } from '../figures';
import { percentOf } from '../usage';
import type { BudgetFacts } from './facts';

/** Share of the usable memory at which H1w warns. */
export const HOST_MEMORY_WARN_PERCENT = 80;

function usableText(f: BudgetFacts): string {
  return `${usableMemoryText(f.vm)} (of the VM's ${formatMi(f.vm.memoryBytes)})`;
}

function hostMemoryFix(f: BudgetFacts): string {
  const usable = f.vm.memoryUsableBytes;
  const requested = f.totals.requests.memoryBytes;
  const options =
    f.placement.nodes.length > 1 ? 'Use 1 node, or set kubelet `systemReserved` so allocatable totals the VM.' : 'Lower requests, or give the VM more memory.';
  const head = requested > usable ? `Requests ${formatMi(requested)} > ${usableMemoryText(f.vm)}. ` : '';
  return `${head}${options}`;
}

/**
 * H1 (error, multi-node only: on one node S2 catches it) when memory requests exceed the usable VM memory;
 * H1w (warning) above 80% of it.
 */
export function h1HostMemoryRequests(f: BudgetFacts): Problem[] {
  const requested = f.totals.requests.memoryBytes;
  const usable = f.vm.memoryUsableBytes;
  const multiNode = f.placement.nodes.length > 1;
  const share = percentOf(requested, usable);
  if (multiNode && requested > usable) {
    return [
      {
        code: 'H1',
        severity: 'error',
        target: { kind: 'kind', field: 'memory' },
        message: `The ${f.placement.nodes.length} nodes request ${formatMi(requested)} of memory in total, more than the ${usableText(f)}: each node reports the whole VM, so the scheduler over-commits it and pods get OOM-killed once they use their requests.`,
        fix: hostMemoryFix(f),
      },
    ];
  }
  if (requested * 100 > usable * HOST_MEMORY_WARN_PERCENT) {
    return [
      {
        code: 'H1w',
        severity: 'warning',
        target: { kind: 'kind', field: 'memory' },
        message:
          requested > usable
            ? `Memory requests total ${formatMi(requested)}, ${share}% of the ${usableText(f)}: pods get OOM-killed once they use what they requested.`
            : `Memory requests total ${formatMi(requested)}, ${share}% of the ${usableText(f)}: little headroom for control-plane RSS and page cache.`,
        fix: hostMemoryFix(f),
      },
    ];
  }
  return [];
}

/** H2: CPU requests over the VM's CPUs (multi-node; on one node the scheduler itself refuses). */
export function h2HostCpuRequests(f: BudgetFacts): Problem[] {
  const r = f.totals.requests.cpuMillis;
  if (f.placement.nodes.length <= 1 || r <= f.vm.cpuMillis) return [];
  return [
    {
      code: 'H2',
      severity: 'warning',
      target: { kind: 'kind', field: 'cpus' },
      message: `The ${f.placement.nodes.length} nodes request ${formatMillis(r)} of CPU, ${percentOf(r, f.vm.cpuMillis)}% of the VM's ${formatMillis(f.vm.cpuMillis)}: probes time out and etcd and the apiserver slow down.`,
      fix: `Requests ${formatMillis(r)} exceed ${f.vm.cpuMillis / 1000} vCPU of the VM.`,
    },
  ];
}

/** H3: memory limits over the usable VM memory; "high" above twice it. kind has no kubelet memory eviction. */
export function h3HostMemoryLimits(f: BudgetFacts): Problem[] {
  const l = f.totals.limits.memoryBytes;
  const usable = f.vm.memoryUsableBytes;
  if (l <= usable) return [];
  const high = l > 2 * usable ? 'High: ' : '';
  return [
    {
      code: 'H3',
      severity: 'warning',
      target: { kind: 'kind', field: 'memory' },
      message: `${high}memory limits total ${formatMi(l)} (${f.totals.limitPercent.memory}% of the VM's ${formatMi(f.vm.memoryBytes)}, ${percentOf(l, usable)}% of the ${usableMemoryText(f.vm)}): bursts reach the VM's OOM killer, and kind's control-plane pods have no limit to protect them.`,
      fix: `Limits total ${formatMi(l)} > ${usableMemoryText(f.vm)}. Lower limits, set GOMEMLIMIT, or enlarge the VM.`,
    },
  ];
}

/** H4: CPU limits over the VM's CPUs: throttling and contention only. */
export function h4HostCpuLimits(f: BudgetFacts): Problem[] {
  const l = f.totals.limits.cpuMillis;
  if (l <= f.vm.cpuMillis) return [];
  return [
    {
      code: 'H4',
      severity: 'info',
      target: { kind: 'kind', field: 'cpus' },
      message: `CPU limits total ${formatMillis(l)}, ${f.totals.limitPercent.cpu}% of the VM's ${formatMillis(f.vm.cpuMillis)}: busy pods throttle and contend, nothing fails.`,
      fix: 'Nothing required; lower CPU limits or add vCPUs if latency matters.',
    },
  ];
}

/** H5: the VM is still at its provider's documented default size, which is small. */
export function h5ProviderDefault(f: BudgetFacts): Problem[] {
  const preset = PROVIDERS[f.vm.provider];
  if (!f.vm.atProviderDefault || !preset.documented) return [];
  return [
    {
      code: 'H5',
      severity: 'info',
      target: { kind: 'kind', field: 'memory' },
      message: `The VM is at ${preset.label}'s default size (${preset.cpus} CPUs, ${formatMi(f.vm.memoryBytes)}), which is small for NATS with JetStream.`,
      fix: preset.resize,
    },
  ];
}
