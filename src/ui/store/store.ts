/**
 * The designer's store: one per designer, made by a factory (every test and every mounted app gets its own). It
 * holds three separate things:
 *
 * - `design`: the topology with its undo history (design.ts): the user's work, the only part autosaved;
 * - `session`: what the user is doing with it (session.ts): selection, dialogs, drafts, notices, the clipboard...;
 * - `canvas`: what the canvas measured (node sizes), handed back to React Flow with its nodes.
 *
 * This module is the only writer (ESLint refuses `.setState(` anywhere else). The design changes through `apply`
 * with a `DesignChange` (commit, undo, redo); the session and the canvas through the named setters below, or with a
 * design change in one `apply` (what a command returns). Everything shown on screen is derived from
 * `design.topology` by the core. (A drag in progress lives in the canvas: see Canvas.tsx.)
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Topology } from '../../core';
import { emptyTopology } from '../edits/designs';
import { AUTOSAVE_KEY, readAutosave, serializeDesign, writeAutosave } from './autosave';
import { BASELINE_KEY, readBaseline, writeBaseline } from './baseline';
import { changeDesign, sealDesign, step, UNDO, REDO, type DesignChange, type DesignState } from './design';
import {
  EMPTY_SELECTION,
  initialSession,
  keepExisting,
  patchSession,
  type DialogId,
  type FocusRequest,
  type ImportFailure,
  type Notice,
  type SessionPatch,
  type SessionState,
  type ThemePreference,
} from './session';

export interface CanvasState {
  /** Node sizes measured by the canvas, by cluster id (a Map: an id may be `constructor`). */
  measured: ReadonlyMap<string, { width: number; height: number }>;
}

export interface DesignerState {
  design: DesignState;
  session: SessionState;
  canvas: CanvasState;
}

export type DesignerStore = StoreApi<DesignerState>;

/** One change of the store: a new design (and how it enters history) and session fields, applied together. */
export interface Change {
  design?: DesignChange;
  session?: SessionPatch;
}

export interface StoreOptions {
  /** Start from this design instead of the autosave. */
  initial?: Topology;
  /** Where the autosave lives; null turns autosave off. @default null */
  storage?: Storage | null;
  autosaveKey?: string;
  /** Where the baseline (the design last downloaded) lives. @default BASELINE_KEY */
  baselineKey?: string;
  /**
   * When to write the autosave after a change: `write` writes the latest design. The browser defers it to an idle
   * moment (and to the page going away), so a keystroke does not pay for serializing the design and its history.
   * @default at once
   */
  scheduleAutosave?: (write: () => void) => void;
  /** The theme preference to start with (kept apart from the design: see shell/theme.ts). @default 'system' */
  theme?: ThemePreference;
}

export function createDesignerStore(options: StoreOptions = {}): DesignerStore {
  const storage = options.storage ?? null;
  const key = options.autosaveKey ?? AUTOSAVE_KEY;
  let design: DesignState = { topology: options.initial ?? emptyTopology(), past: [], future: [], coalesceKey: null };
  let restoreError: string | null = null;
  if (!options.initial && storage) {
    const restored = readAutosave(storage, key);
    if (restored.kind === 'ok') design = { topology: restored.topology, past: restored.past, future: restored.future, coalesceKey: null };
    else if (restored.kind === 'error') restoreError = restored.message;
  }

  const baselineKey = options.baselineKey ?? BASELINE_KEY;
  const store = createStore<DesignerState>()(() => ({
    design,
    session: initialSession(options.theme ?? 'system', restoreError, storage ? readBaseline(storage, baselineKey) : null),
    canvas: { measured: new Map() },
  }));
  if (storage) {
    autosave(store, storage, key, options.scheduleAutosave ?? ((write) => write()));
    keepBaseline(store, storage, baselineKey);
  }
  return store;
}

/** Keeps the baseline stored as it changes (a download, a previous bundle read, the user forgetting it). */
function keepBaseline(store: DesignerStore, storage: Storage, key: string): void {
  store.subscribe((s, prev) => {
    if (s.session.baseline === prev.session.baseline) return;
    if (!writeBaseline(storage, s.session.baseline, key)) {
      notify(store, 'The browser refused to keep the downloaded design (storage full or disabled); the changes since it will be gone after a reload.', 'error');
    }
  });
}

/** Keeps the design and its history saved: written when they change, never for a session or canvas change. */
function autosave(store: DesignerStore, storage: Storage, key: string, schedule: (write: () => void) => void): void {
  // What was last written (or read); null when what is stored is not this design (an unreadable save given up).
  let lastSaved: Pick<DesignState, 'topology' | 'past' | 'future'> | null = store.getState().design;
  let scheduled = false;
  const unsaved = (s: DesignerState) =>
    s.session.restoreError === null &&
    (lastSaved === null || s.design.topology !== lastSaved.topology || s.design.past !== lastSaved.past || s.design.future !== lastSaved.future);
  // Writes whatever the design is by then: changes made while a write waited go in one write.
  const write = () => {
    scheduled = false;
    const s = store.getState();
    if (!unsaved(s)) return;
    lastSaved = s.design;
    if (!writeAutosave(storage, serializeDesign(s.design.topology, s.design.past, s.design.future), key)) {
      notify(store, 'The browser refused to save this design (storage full or disabled). Export it to keep it.', 'error');
    }
  };
  store.subscribe((s, prev) => {
    // The user gave up an unreadable save: the current design goes over it.
    if (prev.session.restoreError !== null && s.session.restoreError === null) lastSaved = null;
    if (scheduled || !unsaved(s)) return;
    scheduled = true;
    schedule(write);
  });
}

/**
 * The one place the design and the session change together. A replaced design drops what belonged to the old one
 * (selection, field drafts, the chosen preview file, unparsed Topology text), undo and redo drop field drafts, a new
 * selection drops them too (a draft lives while its form is in view), and the selection never names what the design no
 * longer has.
 */
export function apply(store: DesignerStore, change: Change): void {
  const s = store.getState();
  const design = change.design ? changeDesign(s.design, change.design) : s.design;
  let session = s.session;
  if (design !== s.design && change.design) {
    const entry = change.design.entry;
    if (entry === 'replace') session = patchSession(session, { selection: EMPTY_SELECTION, drafts: {}, previewFile: null, textDraft: null });
    else if (entry === 'undo' || entry === 'redo') session = patchSession(session, { drafts: {} });
  }
  if (change.session) session = patchSession(session, change.session);
  if (design.topology !== s.design.topology || session.selection !== s.session.selection) {
    const selection = keepExisting(design.topology, session.selection);
    if (selection !== session.selection) session = { ...session, selection };
  }
  if (session.selection !== s.session.selection && Object.keys(session.drafts).length > 0) session = { ...session, drafts: {} };
  if (design === s.design && session === s.session) return;
  store.setState({ design, session });
}

// The design: commit, undo, redo.

/** Makes `next` the design as one undo step (or folded into the last, with `fold`). A no-op when nothing changed. */
export function commit(store: DesignerStore, next: Topology, opts: { fold?: string } = {}): void {
  apply(store, { design: opts.fold === undefined ? step(next) : { entry: 'fold', topology: next, key: opts.fold } });
}

export function undo(store: DesignerStore): void {
  apply(store, { design: UNDO });
}

export function redo(store: DesignerStore): void {
  apply(store, { design: REDO });
}

/** Ends a run of folded edits (a field lost focus), so the next edit is a step of its own. */
export function endCoalescing(store: DesignerStore): void {
  const s = store.getState();
  const design = sealDesign(s.design);
  if (design !== s.design) store.setState({ design });
}

// The session: named setters.

export function select(store: DesignerStore, selection: SessionState['selection']): void {
  apply(store, { session: { selection } });
}

export function openDialog(store: DesignerStore, dialog: DialogId): void {
  apply(store, { session: { dialog } });
}

/** Closes the open dialog or menu; with `which`, only when that one is open. */
export function closeDialog(store: DesignerStore, which?: DialogId): void {
  const open = store.getState().session.dialog;
  if (open !== null && (which === undefined || which === open)) apply(store, { session: { dialog: null } });
}

export function notify(store: DesignerStore, text: string, tone: Notice['tone'] = 'info', action?: Notice['action']): void {
  apply(store, { session: { notice: { text, tone, action } } });
}

/** Takes the notice away; with `which`, only if it is still the one shown. */
export function dismissNotice(store: DesignerStore, which?: Notice): void {
  const shown = store.getState().session.notice;
  if (shown !== null && (which === undefined || which === shown)) apply(store, { session: { notice: null } });
}

export function requestFocus(store: DesignerStore, focus: Omit<FocusRequest, 'nonce'>): void {
  apply(store, { session: { focus } });
}

export function setTheme(store: DesignerStore, theme: ThemePreference): void {
  apply(store, { session: { theme } });
}

export function setPreviewTab(store: DesignerStore, previewTab: SessionState['previewTab']): void {
  apply(store, { session: { previewTab } });
}

/** Whether the preview fills the window. */
export function setPreviewMaximized(store: DesignerStore, previewMaximized: boolean): void {
  apply(store, { session: { previewMaximized } });
}

/** The file the bundle preview shows; null follows the selected cluster. */
export function setPreviewFile(store: DesignerStore, previewFile: string | null): void {
  apply(store, { session: { previewFile } });
}

export function setImportFailure(store: DesignerStore, importFailure: ImportFailure | null): void {
  apply(store, { session: { importFailure } });
}

/** Drops the Topology tab's unparsed text (the user chose to see the design instead). */
export function dropTextDraft(store: DesignerStore): void {
  apply(store, { session: { textDraft: null } });
}

/** Forgets an unreadable autosave and starts saving again (the user chose to discard it). */
export function discardUnreadableAutosave(store: DesignerStore): void {
  apply(store, { session: { restoreError: null } });
}

// The canvas.

/** The sizes of every node the canvas has measured. */
export function setMeasured(store: DesignerStore, sizes: CanvasState['measured']): void {
  store.setState((s) => ({ canvas: { ...s.canvas, measured: sizes } }));
}
