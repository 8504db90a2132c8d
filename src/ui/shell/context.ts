import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DesignerState } from '../store/store';
import type { Designer } from './designer';

export const DesignerContext = createContext<Designer | null>(null);

/** The designer this view belongs to. */
export function useDesignerContext(): Designer {
  const d = useContext(DesignerContext);
  if (!d) throw new Error('useDesigner outside <DesignerContext>');
  return d;
}

/** A narrow selector over the designer store; return primitives or stable references. */
export function useDesigner<T>(selector: (s: DesignerState) => T): T {
  return useStore(useDesignerContext().store, selector);
}
