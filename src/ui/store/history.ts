/**
 * Undo history over immutable snapshots: the present plus past and future stacks. Snapshots are whole
 * topologies; they share every unchanged subtree, so a hundred of them cost little.
 */

/** Most steps kept; older ones fall off the bottom of the stack. */
export const HISTORY_LIMIT = 100;

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
}

/** Records `next` as a new step: the present goes onto the past stack and the future is dropped. */
export function record<T>(h: History<T>, next: T, limit = HISTORY_LIMIT): History<T> {
  if (next === h.present) return h;
  const past = [...h.past, h.present];
  return { past: past.length > limit ? past.slice(past.length - limit) : past, present: next, future: [] };
}

/** Replaces the present without a new step: used to fold a run of keystrokes in one field into one step. */
export function amend<T>(h: History<T>, next: T): History<T> {
  return next === h.present ? h : { ...h, present: next, future: [] };
}

export function undo<T>(h: History<T>): History<T> {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
