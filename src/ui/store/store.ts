/**
 * The designer's store: the topology (the only source of truth, with its undo history) and UI state. Everything
 * shown on screen is derived from `topology` by the core. (A drag in progress lives in the canvas: see Canvas.tsx.)
 *
 * Made by a factory so every test and every mounted app gets its own.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { parseTopology, type ParseError, type Topology } from '../../core';
import type { FieldScope } from '../edits/field-edit';
import { carryClusterIds, clusterIndex, gatewayIds } from '../edits/ids';
import type { Clip } from '../edits/topology-edits';
import { AUTOSAVE_KEY, readAutosave, serializeDesign, writeAutosave } from './autosave';
import { amend, record, redo as redoHistory, undo as undoHistory } from './history';

export interface Selection {
  /** Canvas ids of clusters: stable for the session, whatever the cluster's name becomes (see edits/ids.ts). */
  clusters: string[];
  /** Gateway ids (see edits/ids.ts). */
  gateways: string[];
}

export type ThemePreference = 'system' | 'light' | 'dark';

/** A field's text that did not parse, kept so the user can fix it; the topology keeps its last valid value. */
export interface Draft {
  raw: string;
  message: string;
}

/** Ask the inspector to focus a field (from the problems panel). `nonce` makes repeated clicks count. */
export interface FocusRequest {
  scope: FieldScope | 'gateway';
  id?: string | number;
  field?: string;
  nonce: number;
}

export interface Notice {
  text: string;
  tone: 'info' | 'error';
  /**
   * A command the notice offers, e.g. going back after loading a template. Its label must not repeat a toolbar
   * button's name ("Undo"): two buttons with one name confuse screen readers and tests alike.
   */
  action?: { label: string; command: 'history.undo' };
  nonce: number;
}

/** A share link being opened: why it cannot be, or its design waiting for the user to choose. */
export type IncomingLink = { kind: 'error'; message: string } | { kind: 'ask'; topology: Topology };

/** Why the last import failed: every parser error, shown until dismissed. */
export interface ImportFailure {
  source: string;
  errors: ParseError[];
}

/**
 * The Topology tab's text while it does not parse. The design keeps its last valid value; `base` is the design the
 * text was typed over, so the text is kept only while that is still the design.
 */
export interface TextDraft {
  text: string;
  errors: ParseError[];
  base: Topology;
}

export type DialogId = 'shortcuts' | 'templates' | 'download' | 'share' | 'shared-link';

export interface DesignerState {
  topology: Topology;
  past: Topology[];
  future: Topology[];
  /** Edits with the same key in a row fold into one undo step (typing in one field). */
  coalesceKey: string | null;

  selection: Selection;
  drafts: Record<string, Draft>;
  focus: FocusRequest | null;
  /** Preview file chosen by the user; null follows the selected cluster. */
  previewFile: string | null;
  theme: ThemePreference;
  /** An open dialog or menu; keyboard shortcuts wait while one is open (Escape closes it). */
  dialog: DialogId | null;
  /** What the dock's first pane shows: the bundle's files or the topology as editable YAML. */
  previewTab: 'bundle' | 'topology';
  incoming: IncomingLink | null;
  importFailure: ImportFailure | null;
  /** Never autosaved: the autosave holds only the design and its history. */
  textDraft: TextDraft | null;
  notice: Notice | null;
  clipboard: Clip | null;
  /** Why the autosave could not be restored; while set, autosave is paused so the saved text stays. */
  restoreError: string | null;

  /** Node sizes measured by the canvas. */
  measured: ReadonlyMap<string, { width: number; height: number }>;
}

export type DesignerStore = StoreApi<DesignerState>;

export interface StoreOptions {
  /** Start from this design instead of the autosave. */
  initial?: Topology;
  /** Where the autosave lives; null turns autosave off. @default null */
  storage?: Storage | null;
  autosaveKey?: string;
  /**
   * When to write the autosave after a change: `write` writes the latest design. The browser defers it to an idle
   * moment (and to the page going away), so a keystroke does not pay for serializing the design and its history.
   * @default at once
   */
  scheduleAutosave?: (write: () => void) => void;
}

export const EMPTY_SELECTION: Selection = { clusters: [], gateways: [] };

/** A new design: no clusters yet, every default filled by the parser. */
export function emptyTopology(): Topology {
  const parsed = parseTopology({ version: 1, name: 'my-supercluster' });
  if (!parsed.ok) throw new Error('the empty design does not parse');
  return parsed.topology;
}

export function createDesignerStore(options: StoreOptions = {}): DesignerStore {
  const storage = options.storage ?? null;
  const key = options.autosaveKey ?? AUTOSAVE_KEY;
  let topology = options.initial ?? emptyTopology();
  let past: Topology[] = [];
  let future: Topology[] = [];
  let restoreError: string | null = null;
  if (!options.initial && storage) {
    const restored = readAutosave(storage, key);
    if (restored.kind === 'ok') ({ topology, past, future } = restored);
    else if (restored.kind === 'error') restoreError = restored.message;
  }

  const store = createStore<DesignerState>()(() => ({
    topology,
    past,
    future,
    coalesceKey: null,
    selection: EMPTY_SELECTION,
    drafts: {},
    focus: null,
    previewFile: null,
    theme: 'system',
    dialog: null,
    previewTab: 'bundle',
    incoming: null,
    importFailure: null,
    textDraft: null,
    notice: null,
    clipboard: null,
    restoreError,
    measured: new Map(),
  }));

  if (storage) {
    const schedule = options.scheduleAutosave ?? ((write: () => void) => write());
    let lastSaved = { topology, past, future };
    let scheduled = false;
    const unsaved = (s: DesignerState) => s.restoreError === null && (s.topology !== lastSaved.topology || s.past !== lastSaved.past || s.future !== lastSaved.future);
    // Writes whatever the design is by then: changes made while a write waited go in one write.
    const write = () => {
      scheduled = false;
      const s = store.getState();
      if (!unsaved(s)) return;
      lastSaved = { topology: s.topology, past: s.past, future: s.future };
      if (!writeAutosave(storage, serializeDesign(s.topology, s.past, s.future), key)) {
        notify(store, 'The browser refused to save this design (storage full or disabled). Export it to keep it.', 'error');
      }
    };
    store.subscribe((s) => {
      if (scheduled || !unsaved(s)) return;
      scheduled = true;
      schedule(write);
    });
  }
  return store;
}

export interface CommitOptions {
  /** Fold into the previous step when it had the same key. */
  coalesce?: string;
  /** The selection afterwards; it keeps the current one otherwise. Either way, only what `next` still has. */
  selection?: Selection;
}

/** Makes `next` the topology as one undo step. A no-op when nothing changed. */
export function commit(store: DesignerStore, next: Topology, opts: CommitOptions = {}): void {
  const s = store.getState();
  if (next === s.topology) {
    if (opts.selection) store.setState({ selection: opts.selection });
    return;
  }
  // Ids first: the selection is in ids, and `next`'s are known only once carried over.
  carryClusterIds(s.topology, next);
  const h = { past: s.past, present: s.topology, future: s.future };
  const folded = opts.coalesce !== undefined && opts.coalesce === s.coalesceKey;
  const n = folded ? amend(h, next) : record(h, next);
  const selection = keepExisting(next, opts.selection ?? s.selection);
  store.setState({
    topology: n.present,
    past: n.past,
    future: n.future,
    coalesceKey: opts.coalesce ?? null,
    ...(selection !== s.selection ? { selection } : {}),
  });
}

/**
 * Makes another design current as one undo step (a template, an import, a share link), and drops what belonged
 * to the old one: selection, field drafts, the chosen preview file, the Topology tab's unparsed text.
 */
export function replaceDesign(store: DesignerStore, next: Topology): void {
  commit(store, next, { selection: EMPTY_SELECTION });
  store.setState({ drafts: {}, previewFile: null, textDraft: null });
}

/** Ends a run of folded edits (a field lost focus), so the next edit is a step of its own. */
export function endCoalescing(store: DesignerStore): void {
  if (store.getState().coalesceKey !== null) store.setState({ coalesceKey: null });
}

export function undo(store: DesignerStore): void {
  const s = store.getState();
  if (s.past.length === 0) return;
  const n = undoHistory({ past: s.past, present: s.topology, future: s.future });
  carryClusterIds(s.topology, n.present);
  store.setState({ topology: n.present, past: n.past, future: n.future, coalesceKey: null, drafts: {}, selection: keepExisting(n.present, s.selection) });
}

export function redo(store: DesignerStore): void {
  const s = store.getState();
  if (s.future.length === 0) return;
  const n = redoHistory({ past: s.past, present: s.topology, future: s.future });
  carryClusterIds(s.topology, n.present);
  store.setState({ topology: n.present, past: n.past, future: n.future, coalesceKey: null, drafts: {}, selection: keepExisting(n.present, s.selection) });
}

/** Drops selected ids that no longer exist (after undo, redo or a replaced design). */
export function keepExisting(t: Topology, sel: Selection): Selection {
  const clusters = sel.clusters.length === 0 ? sel.clusters : sel.clusters.filter((id) => clusterIndex(t, id) >= 0);
  const gws = sel.gateways.length === 0 ? null : new Set(gatewayIds(t));
  const gateways = gws === null ? sel.gateways : sel.gateways.filter((id) => gws.has(id));
  return clusters.length === sel.clusters.length && gateways.length === sel.gateways.length ? sel : { clusters, gateways };
}

export function select(store: DesignerStore, selection: Selection): void {
  const cur = store.getState().selection;
  if (sameList(cur.clusters, selection.clusters) && sameList(cur.gateways, selection.gateways)) return;
  store.setState({ selection });
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

let nonce = 0;

export function notify(store: DesignerStore, text: string, tone: Notice['tone'] = 'info', action?: Notice['action']): void {
  store.setState({ notice: { text, tone, action, nonce: ++nonce } });
}

export function requestFocus(store: DesignerStore, focus: Omit<FocusRequest, 'nonce'>): void {
  store.setState({ focus: { ...focus, nonce: ++nonce } });
}

/** Forgets an unreadable autosave and starts saving again (the user chose to discard it). */
export function discardUnreadableAutosave(store: DesignerStore): void {
  store.setState({ restoreError: null });
  // Touch the history so the subscription writes the current design over the unreadable one.
  const s = store.getState();
  store.setState({ past: [...s.past] });
}
