/**
 * One designer: its store, and everything else that belongs to it rather than to the page. Made by a factory, so a
 * page (or a test) may hold several, each with its own state; no module of src/ui holds any.
 */
import type { CommandContext, ViewApi } from '../commands/registry';
import { createDeriver, type Deriver } from '../derive/derive';
import { createCanvasReadiness, type CanvasReadiness } from '../perf/marks';
import { createDesignerStore, type DesignerStore, type StoreOptions } from '../store/store';
import { createEditorHandles, type EditorHandles } from './handles';

export interface Designer {
  store: DesignerStore;
  /** Where its commands run: its store, and its canvas view once mounted. */
  commands: CommandContext;
  /** The canvas fills this in when it mounts; commands read it when they run. */
  view: { current: ViewApi | null };
  /** What the core makes of a topology, rendered incrementally for this designer's edits. */
  deriver: Deriver;
  /** Whether its canvas has been interactive once (the editor chunk waits for it). */
  canvasReady: CanvasReadiness;
  /** What its editors show. */
  editors: EditorHandles;
}

/** A designer with a store of its own (see `StoreOptions`: its first design, where it autosaves). */
export function createDesigner(options: StoreOptions = {}): Designer {
  const store = createDesignerStore(options);
  const view: Designer['view'] = { current: null };
  const commands: CommandContext = {
    store,
    get view() {
      return view.current;
    },
  };
  const canvasReady = createCanvasReadiness();
  // The bundle renderer (manifests, READMEs) is a chunk of its own, asked for once the canvas is interactive: only
  // the previews and the download use it, and the first load has a budget (e2e/bundle-size.spec.ts).
  const renderer = new Promise<void>((resolve) => canvasReady.whenDone(resolve))
    .then(() => import('../derive/bundle-renderer'))
    .then((m) => m.createBundleRenderer());
  return { store, commands, view, deriver: createDeriver(renderer), canvasReady, editors: createEditorHandles() };
}
