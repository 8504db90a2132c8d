/**
 * Readable names for the kind budget's codes (docs/kind-budget.md, "The rules"), for the budget panel. A stopgap in
 * the designer: the codes stay the core's, and once the core's problem registry carries names and help, this map
 * gives way to it.
 */
export const BUDGET_CODE_NAMES: Readonly<Record<string, string>> = {
  S1: 'A pod larger than any node',
  S2: 'Pods left Pending: not enough CPU or memory',
  S3: 'Anti-affinity needs more nodes',
  S4: 'A topology spread caps the nodes',
  S5: 'Host ports clash',
  S6: 'A node at its pod limit',
  S7: 'Little room left on a node',
  S8: 'NATS runs on the workers only',
  H1: 'Memory requests over the usable memory',
  H1w: 'Memory requests near the usable memory',
  H2: "CPU requests over the VM's CPUs",
  H3: 'Memory limits over the usable memory',
  H4: "CPU limits over the VM's CPUs",
  H5: "The VM is at its provider's default size",
  M1: 'A NATS cluster without a memory limit',
  M4: 'Memory store large for the memory limit',
  M5: 'Memory streams could fill the VM',
  D1: 'JetStream could fill the VM disk',
  D3: 'Volume sizes are not enforced on kind',
  N1: 'Too few servers for R3 streams',
  N2: "A cluster's servers share one node",
};

/** The readable name of a budget code, or the code itself for one this map does not know yet. */
export function budgetCodeName(code: string): string {
  return BUDGET_CODE_NAMES[code] ?? code;
}

/** A piece of a budget message: text, or a reference ("see D1") to another code. */
export type MessagePart = { text: string } | { ref: string };

/** Splits a message at its references to budget codes (`see D1`, `S2 catches it`), so each can link to its item. */
export function splitCodeRefs(message: string): MessagePart[] {
  const parts: MessagePart[] = [];
  const re = /\b([SHMDN][0-9]w?)\b/g;
  let last = 0;
  for (const m of message.matchAll(re)) {
    if (!(m[1] in BUDGET_CODE_NAMES)) continue;
    if (m.index > last) parts.push({ text: message.slice(last, m.index) });
    parts.push({ ref: m[1] });
    last = m.index + m[1].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}
