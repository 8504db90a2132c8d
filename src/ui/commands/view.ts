/** Commands about what is shown: the layout, the view, a problem's place, the shortcuts. */
import type { Problem } from '../../core';
import type { FieldRef } from '../edits/field-edit';
import { autoTidyMode, type TidyMode } from '../edits/layout';
import { tidy } from '../edits/topology-edits';
import { step } from '../store/design';
import type { DesignerState } from '../store/store';
import { family, type Outcome } from './command';
import { revealProblem } from './reveal';

const severalClusters = (s: DesignerState) => s.design.topology.clusters.length > 1;

/** Tidying moves every cluster as one undo step, and shows them all. */
const tidied = (state: DesignerState, mode: TidyMode): Outcome => ({ design: step(tidy(state.design.topology, mode)), fit: 'all' });

export const VIEW_COMMANDS = family({
  'layout.tidy': {
    label: 'Tidy layout',
    group: 'View',
    shortcuts: ['t'],
    enabled: severalClusters,
    run: ({ state }) => tidied(state, autoTidyMode(state.design.topology)),
  },
  'layout.circle': {
    label: 'Tidy as a circle',
    group: 'View',
    shortcuts: ['shift+o'],
    enabled: severalClusters,
    run: ({ state }) => tidied(state, 'circle'),
  },
  'layout.grid': {
    label: 'Tidy as a grid',
    group: 'View',
    shortcuts: ['shift+g'],
    enabled: severalClusters,
    run: ({ state }) => tidied(state, 'grid'),
  },
  'view.fit': {
    label: 'Fit view',
    group: 'View',
    shortcuts: ['shift+1'],
    run: () => ({ fit: 'all' }),
  },
  'view.find': {
    label: 'Find cluster',
    group: 'View',
    // `/` as in many web apps; Ctrl/⌘+K as in editors. Neither is taken, and both wait while a field has the keyboard.
    shortcuts: ['/', 'mod+k'],
    enabled: (s) => s.design.topology.clusters.length > 0,
    run: () => ({ find: true }),
  },
  'preview.maximize': {
    label: 'Maximize preview',
    group: 'View',
    // A toggle: the same button (or Escape) restores the layout.
    run: ({ state }) => ({ session: { previewMaximized: !state.session.previewMaximized } }),
  },
  'view.implied': {
    label: 'Show implied gateway connections',
    group: 'View',
    run: ({ state }) => ({ session: { impliedShown: !state.session.impliedShown } }),
  },
  'problem.reveal': {
    label: 'Show a problem',
    group: 'View',
    run: ({ state }, { problem }: { problem: Problem }) => revealProblem(state.design.topology, problem),
  },
  'draft.reveal': {
    label: 'Show a field whose text is not applied',
    group: 'View',
    // A draft lives only while its form is in view (store.ts drops drafts on a new selection): focusing is enough.
    run: (_, { ref }: { ref: FieldRef }) => ({ session: { focus: { scope: ref.scope, id: ref.id, field: ref.field } } }),
  },
  'help.shortcuts': {
    label: 'Keyboard shortcuts',
    group: 'Help',
    shortcuts: ['?'],
    run: () => ({ session: { dialog: 'shortcuts' } }),
  },
});
