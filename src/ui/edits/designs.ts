/** Whole designs: the new one, and whether two are the same design. */
import { parseTopology, serializeTopology, type Topology } from '../../core';

/** A new design: no clusters yet, every default filled by the parser. */
export function emptyTopology(): Topology {
  const parsed = parseTopology({ version: 1, name: 'my-supercluster' });
  if (!parsed.ok) throw new Error('the empty design does not parse');
  return parsed.topology;
}

// Caches of pure functions, keyed on immutable designs: they hold no state of any designer.
const textCache = new WeakMap<Topology, string>();
let emptyText: string | undefined;

function canonical(t: Topology): string {
  let text = textCache.get(t);
  if (text === undefined) {
    text = serializeTopology(t);
    textCache.set(t, text);
  }
  return text;
}

/** The same design, whatever object holds it: compared as the canonical topology.yaml text. */
export function sameDesign(a: Topology, b: Topology): boolean {
  return a === b || canonical(a) === canonical(b);
}

/** Whether the design holds anything the user would lose: anything but the empty new design. */
export function hasWork(t: Topology): boolean {
  emptyText ??= serializeTopology(emptyTopology());
  return t.clusters.length > 0 || canonical(t) !== emptyText;
}
