import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app/app.css';
import { App } from './ui/app/App';
import { createDesigner } from './ui/shell/context';
import { loadThemePreference, persistThemePreference } from './ui/shell/theme';
import { previewHandle, topologyHandle } from './ui/shell/handles';
import { idleAutosave } from './ui/store/autosave-schedule';
import { createDesignerStore, type DesignerState } from './ui/store/store';

declare global {
  interface Window {
    /** For tests and curious users: read-only views of the designer. */
    __designer?: { state(): DesignerState; previewPath(): string | null; previewText(): string | null; topologyText(): string | null };
  }
}

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = browserStorage();
const store = createDesignerStore({ storage, scheduleAutosave: idleAutosave() });
store.setState({ theme: loadThemePreference(storage) });
persistThemePreference(store, storage);
const designer = createDesigner(store);

window.__designer = {
  state: () => store.getState(),
  previewPath: () => previewHandle.path,
  previewText: () => previewHandle.text?.() ?? null,
  topologyText: () => topologyHandle.text?.() ?? null,
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App designer={designer} storage={storage} />
  </StrictMode>,
);
