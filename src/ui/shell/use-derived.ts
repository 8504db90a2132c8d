import { useSyncExternalStore } from 'react';
import { useDesigner, useDesignerContext } from './context';
import type { Derived, Deriver, LiveBundle } from '../derive/derive';
import { useSettledTopology } from './settled';

/**
 * Derived output of the settled topology (see shell/settled.tsx): for the problems, the budget, the outline and
 * the badges, which follow an edit a frame later. Computed once per topology however many panels ask.
 */
export function useDerived(): Derived {
  const { deriver } = useDesignerContext();
  useDeriverVersion(deriver);
  return deriver.derive(useSettledTopology());
}

/** Renders again when the deriver's output changed for every topology (its bundle renderer arrived). */
function useDeriverVersion(deriver: Deriver): number {
  return useSyncExternalStore(deriver.subscribe, deriver.version);
}

/**
 * The bundle of the live topology, within the frame of an edit: for the preview, which renders only the file it
 * shows. No lint, no budget.
 */
export function useLiveBundle(): LiveBundle {
  const { deriver } = useDesignerContext();
  useDeriverVersion(deriver);
  return deriver.live(useDesigner((s) => s.design.topology));
}
