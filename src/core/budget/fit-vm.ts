/**
 * The VM a design needs: the smallest size (whole CPUs, whole GiB) at which the budget has no error or warning about
 * CPU or memory. The rules themselves decide (each size is budgeted), so this never disagrees with them.
 */

import { PROVIDERS } from '../defaults';
import type { Topology } from '../model';
import type { Problem } from '../problems';
import { bytes, GiB } from '../quantity';
import { budget } from './budget';

/** The budget's codes a bigger VM (more CPUs or memory) can clear. Disk, spread, ports and the like it cannot. */
const SIZE_CODES: ReadonlySet<string> = new Set(['S1', 'S2', 'S7', 'H1', 'H1w', 'H2', 'H3', 'M5']);

/** Whether a bigger VM would clear this problem: a warning or error about CPU or memory. */
export function isSizeProblem(p: Problem): boolean {
  return p.severity !== 'info' && SIZE_CODES.has(p.code);
}

/** Sizes searched: beyond these a laptop VM is not the answer. */
export const FIT_LIMITS = { cpus: 64, memoryGiB: 256 } as const;

export interface VmSize {
  cpus: number;
  /** Whole GiB, as the format writes it: `14Gi`. */
  memory: string;
  memoryMiB: number;
  /** How to give the provider's VM this size. */
  resize: string;
}

/**
 * The smallest VM, never smaller than the design's, on which the budget says nothing about CPU or memory beyond
 * notes; null when even {@link FIT_LIMITS} leaves such a problem. CPUs are found first (with the most memory), then
 * memory with those CPUs; each step is a whole budget, so a search costs about a dozen of them.
 */
export function vmSizeFor(topology: Topology): VmSize | null {
  const fits = (cpus: number, gib: number) => !budget({ ...topology, kind: { ...topology.kind, cpus, memory: `${gib}Gi` } }).problems.some(isSizeProblem);
  const minCpus = Math.max(1, Math.ceil(topology.kind.cpus));
  const minGiB = Math.max(1, Math.ceil(bytes(topology.kind.memory) / GiB));
  if (minCpus > FIT_LIMITS.cpus || minGiB > FIT_LIMITS.memoryGiB || !fits(FIT_LIMITS.cpus, FIT_LIMITS.memoryGiB)) return null;
  const cpus = smallest(minCpus, FIT_LIMITS.cpus, (c) => fits(c, FIT_LIMITS.memoryGiB));
  const gib = smallest(minGiB, FIT_LIMITS.memoryGiB, (g) => fits(cpus, g));
  return { cpus, memory: `${gib}Gi`, memoryMiB: gib * 1024, resize: PROVIDERS[topology.kind.provider].resizeTo(cpus, gib * 1024) };
}

/** The smallest n in [lo, hi] with ok(n), given ok(hi) and that a larger n never fits worse. */
function smallest(lo: number, hi: number, ok: (n: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
