/** Commands that edit what is there: the selection, the clipboard, the history, a field, the topology text. */
import { parseTopology } from '../../core';
import { sameDesign } from '../edits/designs';
import { applyFieldEdit, fieldKey, type FieldRef } from '../edits/field-edit';
import { clusterIds } from '../edits/ids';
import { GRID, placeStacked } from '../edits/layout';
import { copyClusters, pasteClip, removeElements, type Clip } from '../edits/topology-edits';
import { fold, REDO, step, UNDO } from '../store/design';
import { EMPTY_SELECTION } from '../store/session';
import type { DesignerState } from '../store/store';
import { family, hasSelection, NOTHING, type Outcome } from './command';

export const EDIT_COMMANDS = family({
  'selection.delete': {
    label: 'Delete selection',
    group: 'Edit',
    shortcuts: ['delete', 'backspace'],
    enabled: hasSelection,
    run({ state }) {
      const { selection } = state.session;
      return { design: step(removeElements(state.design.topology, selection.clusters, selection.gateways)), session: { selection: EMPTY_SELECTION } };
    },
  },
  'selection.duplicate': {
    label: 'Duplicate',
    group: 'Edit',
    shortcuts: ['mod+d'],
    enabled: (s) => s.session.selection.clusters.length > 0,
    run({ state }) {
      const clip = copyClusters(state.design.topology, state.session.selection.clusters);
      return clip ? paste(state, clip) : NOTHING;
    },
  },
  'selection.copy': {
    label: 'Copy',
    group: 'Edit',
    shortcuts: ['mod+c'],
    enabled: (s) => s.session.selection.clusters.length > 0,
    run({ state }) {
      const clip = copyClusters(state.design.topology, state.session.selection.clusters);
      return clip ? { session: { clipboard: clip } } : NOTHING;
    },
  },
  'selection.paste': {
    label: 'Paste',
    group: 'Edit',
    shortcuts: ['mod+v'],
    enabled: (s) => s.session.clipboard !== null,
    run({ state }) {
      const clip = state.session.clipboard;
      return clip ? paste(state, clip) : NOTHING;
    },
  },
  'selection.all': {
    label: 'Select all clusters',
    group: 'Edit',
    shortcuts: ['mod+a'],
    run({ state }) {
      return { session: { selection: { clusters: clusterIds(state.design.topology), gateways: [] } } };
    },
  },
  'selection.clear': {
    label: 'Clear selection',
    group: 'Edit',
    shortcuts: ['escape'],
    run() {
      return { session: { selection: EMPTY_SELECTION } };
    },
  },
  'history.undo': {
    label: 'Undo',
    group: 'Edit',
    shortcuts: ['mod+z'],
    enabled: (s) => s.design.past.length > 0,
    run: () => ({ design: UNDO }),
  },
  'history.redo': {
    label: 'Redo',
    group: 'Edit',
    shortcuts: ['mod+shift+z', 'mod+y'],
    enabled: (s) => s.design.future.length > 0,
    run: () => ({ design: REDO }),
  },
  'field.set': {
    label: 'Edit a field',
    group: 'Edit',
    run({ state }, { ref, raw }: { ref: FieldRef; raw: string | boolean }) {
      const key = fieldKey(ref);
      const { drafts } = state.session;
      const result = applyFieldEdit(state.design.topology, ref, raw);
      // Text that does not parse stays at the field with the parser's message; the design keeps its last valid value.
      if (!result.ok) return { session: { drafts: { ...drafts, [key]: { raw: String(raw), message: result.message, ref } } } };
      return {
        // Typing in one field is one undo step; a rename keeps the cluster's id, so its key too.
        design: typeof raw === 'string' ? fold(result.topology, key) : step(result.topology),
        // The field's text parses now: its draft goes.
        session: key in drafts ? { drafts: Object.fromEntries(Object.entries(drafts).filter(([k]) => k !== key)) } : undefined,
      };
    },
  },
  'topology.text': {
    label: 'Edit the topology as text',
    group: 'Edit',
    // `burst` counts bursts of typing: one burst is one undo step.
    run({ state }, { text, burst }: { text: string; burst: number }) {
      const { topology } = state.design;
      const parsed = parseTopology(text);
      if (!parsed.ok) return { session: { textDraft: { text, errors: parsed.errors, base: topology } } };
      const session = state.session.textDraft ? { textDraft: null } : undefined;
      // A cluster typed without a position lands on 0,0: one already there keeps it, this one gets a free spot.
      const typed = placeStacked(parsed.topology);
      // Comments, spacing or key order: the same design, so no undo step.
      if (sameDesign(typed, topology)) return { session };
      return { design: fold(typed, `topology.text:${burst}`), session };
    },
  },
});

/** Pastes a clip, offset past anything already sitting there, so repeated pastes cascade instead of stacking. */
function paste(state: DesignerState, clip: Clip): Outcome {
  const t = state.design.topology;
  let k = 1;
  const first = clip.clusters[0].position;
  while (k < 50 && t.clusters.some((c) => c.position.x === first.x + k * GRID * 2 && c.position.y === first.y + k * GRID * 2)) k++;
  const { topology, ids } = pasteClip(t, clip, { x: k * GRID * 2, y: k * GRID * 2 });
  return { design: step(topology), session: { selection: { clusters: ids, gateways: [] } }, reveal: ids };
}
