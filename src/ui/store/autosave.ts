/**
 * Autosave: the design and its undo history as JSON text in localStorage. What comes back is untrusted: every
 * snapshot goes through `parseTopology`, and a save that fails to read is left untouched for the user to keep.
 */
import { parseTopology, type Topology } from '../../core';
import { HISTORY_LIMIT } from './history';

export const AUTOSAVE_KEY = 'nats-topology-designer:v1';

/**
 * The shape of the saved text. `format` versions this wrapper only; each topology in it carries its own `version`
 * and comes back through `parseTopology`, which migrates older ones like files and share links.
 */
export const AUTOSAVE_FORMAT = 1;

/** What is stored. */
export interface SavedDesign {
  format: typeof AUTOSAVE_FORMAT;
  topology: Topology;
  past: Topology[];
  future: Topology[];
}

export type Restored =
  { kind: 'none' } | { kind: 'ok'; topology: Topology; past: Topology[]; future: Topology[]; droppedHistory: boolean } | { kind: 'error'; message: string };

/** Reads the autosave. History that fails to parse is dropped (the design itself is what matters). */
export function readAutosave(storage: Storage, key = AUTOSAVE_KEY): Restored {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return { kind: 'none' };
  }
  if (text === null) return { kind: 'none' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'error', message: 'the saved text is not JSON' };
  }
  const format = data !== null && typeof data === 'object' ? (data as { format?: unknown }).format : undefined;
  if (format !== AUTOSAVE_FORMAT) {
    const newer = typeof format === 'number' && format > AUTOSAVE_FORMAT;
    return { kind: 'error', message: newer ? 'the saved design was made by a newer designer' : 'the saved design has an unknown format' };
  }
  const saved = data as Record<string, unknown>;
  const parsed = parseTopology(saved.topology);
  if (!parsed.ok) {
    const e = parsed.errors[0];
    return { kind: 'error', message: `${e.path}: ${e.message}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}` };
  }
  const past = readStack(saved.past);
  const future = readStack(saved.future);
  const droppedHistory = past === null || future === null;
  return { kind: 'ok', topology: parsed.topology, past: past ?? [], future: droppedHistory ? [] : (future ?? []), droppedHistory };
}

function readStack(v: unknown): Topology[] | null {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.length > HISTORY_LIMIT) return null;
  const out: Topology[] = [];
  for (const item of v) {
    const parsed = parseTopology(item);
    if (!parsed.ok) return null;
    out.push(parsed.topology);
  }
  return out;
}

/** Serializes a design. Snapshots are shared between saves, so their JSON is cached by identity. */
export function serializeDesign(topology: Topology, past: Topology[], future: Topology[]): string {
  const parts = [past.map(json).join(','), json(topology), future.map(json).join(',')];
  return `{"format":${AUTOSAVE_FORMAT},"topology":${parts[1]},"past":[${parts[0]}],"future":[${parts[2]}]}`;
}

const jsonCache = new WeakMap<Topology, string>();

function json(t: Topology): string {
  let s = jsonCache.get(t);
  if (s === undefined) {
    s = JSON.stringify(t);
    jsonCache.set(t, s);
  }
  return s;
}

/** Writes the design; false when the browser refuses (quota, private mode). */
export function writeAutosave(storage: Storage, text: string, key = AUTOSAVE_KEY): boolean {
  try {
    storage.setItem(key, text);
    return true;
  } catch {
    return false;
  }
}
