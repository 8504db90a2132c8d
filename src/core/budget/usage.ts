/** CPU and memory as plain numbers, and the small arithmetic the budget needs on them. */

/** An amount of CPU and memory: millicores and bytes. */
export interface Usage {
  cpuMillis: number;
  memoryBytes: number;
}

/** Shares of a whole in percent, one decimal (61.25 → 61.3, as docs/kind-budget.md's worked example rounds). */
export interface Percent {
  cpu: number;
  memory: number;
}

export const ZERO: Usage = { cpuMillis: 0, memoryBytes: 0 };

export function add(a: Usage, b: Usage): Usage {
  return { cpuMillis: a.cpuMillis + b.cpuMillis, memoryBytes: a.memoryBytes + b.memoryBytes };
}

export function sum(list: Usage[]): Usage {
  return list.reduce(add, ZERO);
}

/**
 * `part` as a percentage of `whole`, rounded half up to one decimal. Scaling before dividing keeps exact cases
 * exact (2450/4000 → 612.5 → 61.3); a zero whole gives 0 so JSON never sees Infinity.
 */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part * 1000) / whole) / 10;
}

export function percentOfUsage(part: Usage, whole: Usage): Percent {
  return { cpu: percentOf(part.cpuMillis, whole.cpuMillis), memory: percentOf(part.memoryBytes, whole.memoryBytes) };
}
