/**
 * What a command is. A command reads the state (and the view, for where its centre is) and returns what changes:
 * the design and how it enters the undo history, session fields, and what the view and the browser do afterwards.
 * It changes nothing itself: `runCommand` (registry.ts) applies what it returns, in one place.
 */
import type { Position } from '../../core';
import type { Notice } from '../store/session';
import type { Change, DesignerState, DesignerStore } from '../store/store';

/** What the canvas lends to commands that move the view. Absent in tests without a canvas. */
export interface ViewApi {
  /** Fits the view to these clusters (all when omitted), animated. */
  fitView(clusterIds?: string[]): void;
  /** The visible centre in flow coordinates. */
  centre(): Position;
  /** Brings these clusters into view (zooming out to everything) when any of them is off screen. */
  reveal(clusterIds: string[]): void;
  /** Puts the keyboard in the canvas's "Find cluster" box. */
  focusFind?(): void;
}

/** Where commands run: a designer's store, and its canvas view once mounted. */
export interface CommandContext {
  store: DesignerStore;
  view: ViewApi | null;
}

/** What a command reads. */
export interface CommandInput {
  state: DesignerState;
  view: ViewApi | null;
}

/** What a command changes. Applied by `runCommand`: the store in one update, then the view, then a file to save. */
export interface Outcome extends Change {
  /** Fit the view to these clusters, or to everything. */
  fit?: string[] | 'all';
  /** Bring these clusters into view if any is off screen. */
  reveal?: string[];
  /** Put the keyboard in the "Find cluster" box. */
  find?: true;
  /** A file for the browser to save. */
  save?: { data: string | Uint8Array; filename: string; mime: string };
}

/** Nothing to change. */
export const NOTHING: Outcome = {};

export type CommandGroup = 'Design' | 'Edit' | 'View' | 'Files' | 'Help';

export interface CommandSpec {
  label: string;
  /** Shown in the shortcuts dialog, grouped. */
  group: CommandGroup;
  shortcuts?: string[];
  /** When false, buttons are disabled and shortcuts do nothing. */
  enabled?: (s: DesignerState) => boolean;
  /** A method, so each command declares its own arguments (none, optional or required). */
  run(input: CommandInput, ...args: never[]): Outcome;
}

/** A family of commands, keyed by id; the ids and argument types are read from it (see registry.ts). */
export function family<T extends Record<string, CommandSpec>>(commands: T): T {
  return commands;
}

export const hasSelection = (s: DesignerState) => s.session.selection.clusters.length > 0 || s.session.selection.gateways.length > 0;

/** What a notice offers after the design was replaced: the way back. */
export const BRING_BACK: NonNullable<Notice['action']> = { label: 'Bring back the previous design', command: 'history.undo' };
