/**
 * Session state: what the user is doing with the design (selection, open dialog, field drafts, notices, the
 * clipboard...). Never autosaved, never undone. It changes through the named setters of store.ts, or as part of
 * what a command returns.
 */
import type { ParseError, Topology } from '../../core';
import type { FieldRef, FieldScope } from '../edits/field-edit';
import type { Baseline } from './baseline';
import { clusterIndex, gatewayIds } from '../edits/ids';
import type { Clip } from '../edits/topology-edits';

export interface Selection {
  /** Canvas ids of clusters: stable for the session, whatever the cluster's name becomes (see edits/ids.ts). */
  clusters: string[];
  /** Gateway ids (see edits/ids.ts). */
  gateways: string[];
}

export const EMPTY_SELECTION: Selection = { clusters: [], gateways: [] };

export type ThemePreference = 'system' | 'light' | 'dark';

/**
 * A field's text that did not parse, kept so the user can fix it; the topology keeps its last valid value. A draft
 * lives as long as its form is in view: changing the selection drops every draft (store.ts `apply`), so text that was
 * never applied is never shown again later as if it were the design's.
 */
export interface Draft {
  raw: string;
  message: string;
  /** The field, so the problems panel can name it and go to it. */
  ref: FieldRef;
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
/** An import's errors: the parser's and the lint's, with their lines; `imported` when the design was loaded anyway. */
export interface ImportFailure {
  source: string;
  errors: ParseError[];
  imported?: boolean;
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

export interface SessionState {
  selection: Selection;
  /** Unparsed field text, by field key (see edits/field-edit.ts). */
  drafts: Record<string, Draft>;
  focus: FocusRequest | null;
  /** Preview file chosen by the user; null follows the selected cluster. */
  previewFile: string | null;
  /** What the dock's first pane shows: the bundle's files or the topology as editable YAML. */
  previewTab: 'bundle' | 'topology';
  /** The preview fills the window (Escape or the same button restores it). */
  previewMaximized: boolean;
  theme: ThemePreference;
  /** An open dialog or menu; keyboard shortcuts wait while one is open (Escape closes it). */
  dialog: DialogId | null;
  incoming: IncomingLink | null;
  importFailure: ImportFailure | null;
  textDraft: TextDraft | null;
  notice: Notice | null;
  clipboard: Clip | null;
  /** Why the autosave could not be restored; while set, autosave is paused so the saved text stays. */
  restoreError: string | null;
  /** Whether the canvas draws the gateway connections NATS makes that were not drawn. */
  impliedShown: boolean;
  /**
   * The design last downloaded, which the day-2 changes are counted from. Not undone; kept in localStorage of its own
   * (store/baseline.ts), not in the autosave.
   */
  baseline: Baseline | null;
}

export function initialSession(theme: ThemePreference, restoreError: string | null, baseline: Baseline | null = null): SessionState {
  return {
    selection: EMPTY_SELECTION,
    drafts: {},
    focus: null,
    previewFile: null,
    previewTab: 'bundle',
    previewMaximized: false,
    theme,
    dialog: null,
    incoming: null,
    importFailure: null,
    textDraft: null,
    notice: null,
    clipboard: null,
    restoreError,
    impliedShown: true,
    baseline,
  };
}

/** Session fields to set, as a command or a setter names them; a notice or a focus request gets its nonce when set. */
export type SessionPatch = Partial<Omit<SessionState, 'notice' | 'focus'>> & {
  notice?: Omit<Notice, 'nonce'> | null;
  focus?: Omit<FocusRequest, 'nonce'> | null;
};

/** The session with `patch` set; the same object when the patch sets nothing new. */
export function patchSession(s: SessionState, patch: SessionPatch): SessionState {
  let next = s;
  for (const key of Object.keys(patch) as (keyof SessionPatch)[]) {
    let value: unknown = patch[key];
    if (value === undefined) continue;
    // A new notice or focus request counts even when it says the same as the last one.
    if (key === 'notice' && value !== null) value = { ...(value as Notice), nonce: (s.notice?.nonce ?? 0) + 1 };
    if (key === 'focus' && value !== null) value = { ...(value as FocusRequest), nonce: (s.focus?.nonce ?? 0) + 1 };
    if (key === 'selection' && sameSelection(s.selection, value as Selection)) continue;
    if (s[key] === value) continue;
    if (next === s) next = { ...s };
    (next as unknown as Record<string, unknown>)[key] = value;
  }
  return next;
}

/** Drops selected ids that no longer exist (after an edit, undo, redo or a replaced design). */
export function keepExisting(t: Topology, sel: Selection): Selection {
  const clusters = sel.clusters.length === 0 ? sel.clusters : sel.clusters.filter((id) => clusterIndex(t, id) >= 0);
  const gws = sel.gateways.length === 0 ? null : new Set(gatewayIds(t));
  const gateways = gws === null ? sel.gateways : sel.gateways.filter((id) => gws.has(id));
  return clusters.length === sel.clusters.length && gateways.length === sel.gateways.length ? sel : { clusters, gateways };
}

function sameSelection(a: Selection, b: Selection): boolean {
  return sameList(a.clusters, b.clusters) && sameList(a.gateways, b.gateways);
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
