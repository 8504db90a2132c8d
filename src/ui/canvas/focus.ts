/**
 * What the selection brings forward on the canvas: the selected clusters, their links (drawn and implied) and the
 * clusters at the other end; everything else is dimmed, never hidden. A selected link brings forward its two clusters.
 */
import type { Selection } from '../store/session';

export interface Focus {
  /** Node ids of the selected clusters. */
  selected: ReadonlySet<string>;
  /** Node ids brought forward: the selected clusters, their linked neighbours and the ends of selected links. */
  related: ReadonlySet<string>;
  /** Ids of the drawn links brought forward: the selected ones and those touching a selected cluster. */
  links: ReadonlySet<string>;
}

interface LinkEnds {
  id: string;
  from: string;
  to: string;
}

/** The focus of a selection over the drawn links; null when nothing is selected (nothing dims). */
export function focusOf(selection: Selection, links: readonly LinkEnds[]): Focus | null {
  if (selection.clusters.length === 0 && selection.gateways.length === 0) return null;
  const selected = new Set(selection.clusters);
  const chosen = new Set(selection.gateways);
  const related = new Set(selected);
  const brought = new Set<string>();
  for (const l of links) {
    if (chosen.has(l.id) || selected.has(l.from) || selected.has(l.to)) {
      brought.add(l.id);
      related.add(l.from);
      related.add(l.to);
    }
  }
  return { selected, related, links: brought };
}

/** Whether an implied connection belongs to the focus: one of its ends is selected. */
export function impliedInFocus(focus: Focus, link: { from: string; to: string }): boolean {
  return focus.selected.has(link.from) || focus.selected.has(link.to);
}
