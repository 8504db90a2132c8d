/** The page: one designer, with the browser's storage, mounted into the page's root element. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createDesigner } from '../shell/designer';
import { loadThemePreference, persistThemePreference } from '../shell/theme';
import { idleAutosave } from '../store/autosave-schedule';
import type { DesignState } from '../store/design';
import type { SessionState } from '../store/session';
import { App } from './App';

declare global {
  interface Window {
    /**
     * For tests and curious users: read-only views of the designer. `state()` is the design with its history and the
     * session state, side by side: `state().topology`, `state().past`, `state().selection`.
     */
    __designer?: { state(): DesignState & SessionState; previewPath(): string | null; previewText(): string | null; topologyText(): string | null };
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function startDesigner(root: HTMLElement): void {
  const storage = browserStorage();
  const designer = createDesigner({ storage, scheduleAutosave: idleAutosave(), theme: loadThemePreference(storage) });
  const { store, editors } = designer;
  persistThemePreference(store, storage);

  window.__designer = {
    state: () => {
      const s = store.getState();
      return { ...s.design, ...s.session };
    },
    previewPath: () => editors.preview.path,
    previewText: () => editors.preview.text?.() ?? null,
    topologyText: () => editors.topology.text?.() ?? null,
  };

  createRoot(root).render(
    <StrictMode>
      <App designer={designer} storage={storage} />
    </StrictMode>,
  );
}
