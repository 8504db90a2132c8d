import { useSyncExternalStore } from 'react';
import type { BundleFile } from '../../core';
import { useDesigner, useDesignerContext } from './context';
import type { Derived, Deriver } from '../derive/derive';
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

/** The bundle's files for the live topology, within the frame of an edit: for the preview. No lint, no budget. */
export function useLiveFiles(): BundleFile[] {
  const { deriver } = useDesignerContext();
  useDeriverVersion(deriver);
  return deriver.files(useDesigner((s) => s.design.topology));
}

/** Why the live topology is too large to render (and so has no files), or null. */
export function useLiveTooLarge(): string | null {
  const { deriver } = useDesignerContext();
  useDeriverVersion(deriver);
  return deriver.tooLarge(useDesigner((s) => s.design.topology));
}
