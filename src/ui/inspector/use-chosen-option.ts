import { useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';

/**
 * A native select that commits only a choice the user means. A closed select fires `change` for every option that arrow
 * keys or typed letters pass over (Chromium does on ArrowDown), so those only move a pending choice; Enter, a pick from
 * the open list (a click) or the caller's button commits it, Escape drops it. `committed` is what the design holds.
 */
export function useChosenOption(committed: string, commit: (value: string) => void) {
  const [pending, setPending] = useState<string | null>(null);
  // True only while a key press is being handled: the `change` it causes is dispatched within it.
  const keyed = useRef(false);
  const value = pending ?? committed;
  const choose = (next: string) => {
    setPending(null);
    if (next !== committed) commit(next);
  };
  return {
    value,
    /** Whether the select shows a choice not committed yet. */
    pending: value !== committed,
    /** Commits the choice shown (for a button beside the select). */
    commitShown: () => choose(value),
    onKeyDown: (e: KeyboardEvent<HTMLSelectElement>) => {
      if (e.key === 'Enter' || e.key === 'Escape') {
        if (e.key === 'Enter') e.preventDefault();
        if (e.key === 'Enter') choose(value);
        else setPending(null);
        return;
      }
      keyed.current = true;
      setTimeout(() => (keyed.current = false));
    },
    onChange: (e: ChangeEvent<HTMLSelectElement>) => (keyed.current ? setPending(e.target.value) : choose(e.target.value)),
  };
}
