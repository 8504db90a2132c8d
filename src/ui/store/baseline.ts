/**
 * The baseline: the design last downloaded as a bundle (or found in a previous bundle the Download dialog read), what
 * the Problems panel compares the design with to list the day-2 changes (the core's `changes`). Kept in localStorage
 * beside the autosave, as the topology's file text: never a password (a topology holds none). What comes back is
 * untrusted and goes through `parseTopology`; a baseline that fails to read is forgotten.
 */
import { parseTopology, serializeTopology, type Topology } from '../../core';

export const BASELINE_KEY = 'nats-topology-designer:baseline:v1';

export interface Baseline {
  topology: Topology;
  /** Where it came from: null for a bundle downloaded here, else the previous bundle's file name. */
  file: string | null;
}

interface SavedBaseline {
  format: 1;
  file: string | null;
  topology: string;
}

export function readBaseline(storage: Storage, key = BASELINE_KEY): Baseline | null {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return null;
  }
  if (text === null) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object') return null;
  const saved = data as Partial<SavedBaseline>;
  if (saved.format !== 1 || typeof saved.topology !== 'string' || (saved.file !== null && typeof saved.file !== 'string')) return null;
  const parsed = parseTopology(saved.topology);
  return parsed.ok ? { topology: parsed.topology, file: saved.file } : null;
}

/** Stores the baseline, or forgets it; false when the browser refused. */
export function writeBaseline(storage: Storage, baseline: Baseline | null, key = BASELINE_KEY): boolean {
  try {
    if (baseline === null) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify({ format: 1, file: baseline.file, topology: serializeTopology(baseline.topology) } satisfies SavedBaseline));
    return true;
  } catch {
    return false;
  }
}
