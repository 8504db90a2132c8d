import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CommandContext, ViewApi } from '../commands/registry';
import { createDeriver, type Deriver } from '../derive/derive';
import type { DesignerState, DesignerStore } from '../store/store';

/** The store and the command context of one mounted designer. */
export interface Designer {
  store: DesignerStore;
  commands: CommandContext;
  /** The canvas fills this in when it mounts; commands read it when they run. */
  view: { current: ViewApi | null };
  /** What the core makes of a topology, rendered incrementally for this designer's edits. */
  deriver: Deriver;
}

export function createDesigner(store: DesignerStore): Designer {
  const view: Designer['view'] = { current: null };
  const commands: CommandContext = {
    store,
    get view() {
      return view.current;
    },
  };
  return { store, commands, view, deriver: createDeriver() };
}

export const DesignerContext = createContext<Designer | null>(null);

export function useDesignerContext(): Designer {
  const d = useContext(DesignerContext);
  if (!d) throw new Error('useDesigner outside <DesignerContext>');
  return d;
}

/** A narrow selector over the designer store; return primitives or stable references. */
export function useDesigner<T>(selector: (s: DesignerState) => T): T {
  return useStore(useDesignerContext().store, selector);
}
