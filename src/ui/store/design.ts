/**
 * The design and its undo history: the part of the designer's state that is the user's work, and the only part the
 * autosave keeps. It changes in three ways only: a new design enters the history (`DesignChange`), or the history
 * steps back or forth.
 */
import type { Topology } from '../../core';
import { carryClusterIds } from '../edits/ids';
import { amend, record, redo, undo } from './history';

export interface DesignState {
  /** The only source of truth: everything on screen is derived from it by the core. */
  topology: Topology;
  past: Topology[];
  future: Topology[];
  /** The key of the last folded edit: the next edit with the same key folds into the same undo step. */
  coalesceKey: string | null;
}

/**
 * A change of the design, and how it enters the undo history:
 * - `step`: one undo step;
 * - `fold`: folds into the previous step when that had the same key (a field typed into key by key is one step);
 * - `replace`: another design (a template, an import, a share link): one undo step, and what belonged to the old
 *   design in the session goes (selection, field drafts, the chosen preview file, unparsed Topology text);
 * - `undo`, `redo`: a step back or forth.
 */
export type DesignChange =
  | { entry: 'step'; topology: Topology }
  | { entry: 'fold'; topology: Topology; key: string }
  | { entry: 'replace'; topology: Topology }
  | { entry: 'undo' }
  | { entry: 'redo' };

export const step = (topology: Topology): DesignChange => ({ entry: 'step', topology });
export const fold = (topology: Topology, key: string): DesignChange => ({ entry: 'fold', topology, key });
export const replace = (topology: Topology): DesignChange => ({ entry: 'replace', topology });
export const UNDO: DesignChange = { entry: 'undo' };
export const REDO: DesignChange = { entry: 'redo' };

/** The design after a change; the same object when nothing changes (a commit of the same topology, undo at the start). */
export function changeDesign(d: DesignState, change: DesignChange): DesignState {
  const h = { past: d.past, present: d.topology, future: d.future };
  let next;
  let coalesceKey: string | null = null;
  switch (change.entry) {
    case 'undo':
      if (d.past.length === 0) return d;
      next = undo(h);
      break;
    case 'redo':
      if (d.future.length === 0) return d;
      next = redo(h);
      break;
    case 'fold':
      if (change.topology === d.topology) return d;
      next = change.key === d.coalesceKey ? amend(h, change.topology) : record(h, change.topology);
      coalesceKey = change.key;
      break;
    default:
      if (change.topology === d.topology) return d;
      next = record(h, change.topology);
  }
  // Cluster ids first: the selection is in ids, and the new design's are known only once carried over.
  carryClusterIds(d.topology, next.present);
  return { topology: next.present, past: next.past, future: next.future, coalesceKey };
}

/** Ends a run of folded edits (a field lost focus), so the next edit is a step of its own. */
export function sealDesign(d: DesignState): DesignState {
  return d.coalesceKey === null ? d : { ...d, coalesceKey: null };
}
