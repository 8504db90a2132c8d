import type { BudgetPending } from '../../core';

/** Pods left Pending for the same reason, in the order the budget lists them. */
export interface PendingGroup {
  explanation: string;
  reason: string;
  pods: string[];
}

/**
 * The budget's Pending pods grouped by why. A design too big for its VM leaves a hundred pods Pending, mostly for one
 * reason: a row each buried the VM size and the checks under pages of the same line.
 */
export function groupPending(pending: readonly BudgetPending[]): PendingGroup[] {
  const groups = new Map<string, PendingGroup>();
  for (const p of pending) {
    const key = `${p.explanation}\n${p.reason}`;
    const group = groups.get(key);
    if (group) group.pods.push(p.pod);
    else groups.set(key, { explanation: p.explanation, reason: p.reason, pods: [p.pod] });
  }
  return [...groups.values()];
}

/** Pod names shown in a group before the rest fold away behind "and N more". */
export const PODS_SHOWN = 6;
