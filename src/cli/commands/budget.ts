import { budget, formatMi, formatMillis, usableMemoryText, type Budget } from '../../core';
import { EXIT, readTopologyFile } from '../io';
import { countBySeverity, formatProblems, table } from '../format';

/** `budget <file>`: will the design fit on its kind VM? Exit 1 when the budget has errors (pods stay Pending). */
export function budgetCommand(file: string, format: 'text' | 'json', log: (s: string) => void): number {
  const topology = readTopologyFile(file);
  const b = budget(topology);
  log(format === 'json' ? JSON.stringify(b, null, 2) : formatBudget(b));
  return b.problems.some((p) => p.severity === 'error') ? EXIT.problems : EXIT.ok;
}

function formatBudget(b: Budget): string {
  const vm = b.vm;
  const out: string[] = [];
  out.push(
    `kind on ${vm.provider}: ${vm.cpuMillis / 1000} CPUs, ${formatMi(vm.memoryBytes)} memory (${usableMemoryText(vm)}), ${formatMi(vm.diskBytes)} disk${vm.atProviderDefault ? ' (the provider default)' : ''}`,
  );
  out.push('');
  out.push(
    table(
      ['node', 'role', 'pods', 'CPU requests', 'memory requests', 'CPU limits', 'memory limits', 'NATS pods'],
      b.nodes.map((n) => [
        n.name,
        n.role,
        `${n.pods}/${n.maxPods}`,
        `${formatMillis(n.requests.cpuMillis)} (${n.requestPercent.cpu}%)`,
        `${formatMi(n.requests.memoryBytes)} (${n.requestPercent.memory}%)`,
        `${formatMillis(n.limits.cpuMillis)} (${n.limitPercent.cpu}%)`,
        `${formatMi(n.limits.memoryBytes)} (${n.limitPercent.memory}%)`,
        n.natsPods.join(' ') || '-',
      ]),
    ),
  );
  const t = b.totals;
  out.push('');
  out.push(
    table(
      ['whole VM', 'CPU', 'memory'],
      [
        ['kind system requests', formatMillis(t.systemRequests.cpuMillis), formatMi(t.systemRequests.memoryBytes)],
        ['NATS requests', formatMillis(t.natsRequests.cpuMillis), formatMi(t.natsRequests.memoryBytes)],
        ['other workloads requests', formatMillis(t.otherRequests.cpuMillis), formatMi(t.otherRequests.memoryBytes)],
        ['requests', `${formatMillis(t.requests.cpuMillis)} (${t.requestPercent.cpu}%)`, `${formatMi(t.requests.memoryBytes)} (${t.requestPercent.memory}%)`],
        ['limits', `${formatMillis(t.limits.cpuMillis)} (${t.limitPercent.cpu}%)`, `${formatMi(t.limits.memoryBytes)} (${t.limitPercent.memory}%)`],
      ],
    ),
  );
  if (b.jetstream.enabled) {
    const js = b.jetstream;
    out.push('');
    out.push(
      `JetStream on ${js.servers} servers: memory stores ${formatMi(js.memoryStoreBytes)}, file stores ${formatMi(js.fileStoreBytes)}, volumes ${formatMi(js.volumeBytes)}; disk the design can fill ${formatMi(js.diskNeededBytes)} of ${formatMi(vm.diskBytes)}`,
    );
  }
  out.push('');
  if (b.pending.length === 0) out.push('Every pod schedules.');
  else {
    out.push(`${b.pending.length} pod(s) would stay Pending:`);
    out.push(
      table(
        ['pod', 'reason'],
        b.pending.map((p) => [p.pod, `${p.reason} (${p.explanation})`]),
      ),
    );
  }
  out.push('', formatProblems(b.problems), '', countBySeverity(b.problems));
  return out.join('\n');
}
