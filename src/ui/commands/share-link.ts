/**
 * Opening a share link, a small state machine in `session.incoming`:
 *
 *     link.open ──(broken)──────────────▶ {error} ──link.dismiss──▶ null
 *         │──(the design shown already)─▶ null
 *         │──(nothing would be lost)────▶ null, the link's design replaces the empty one
 *         └──(the user has work)────────▶ {ask}, dialog 'shared-link' ──link.accept──▶ null, the link's design
 *                                                                     └─link.dismiss─▶ null, the user's design
 *
 * A broken link changes nothing of the design, so nothing is written over the autosave.
 */
import { decodeShareFragment, type Topology } from '../../core';
import { hasWork, sameDesign } from '../edits/designs';
import { placeStacked } from '../edits/layout';
import { replace } from '../store/design';
import type { Notice } from '../store/session';
import { isShareHash } from '../io/share';
import { BRING_BACK, family, NOTHING, type Outcome } from './command';

export const SHARE_LINK_COMMANDS = family({
  'link.open': {
    label: 'Open a share link',
    group: 'Files',
    run({ state }, { hash }: { hash: string }) {
      if (!isShareHash(hash)) return NOTHING;
      const decoded = decodeShareFragment(hash);
      if (!decoded.ok) return { session: { incoming: { kind: 'error', message: decoded.error.message } } };
      // A link made from a design without positions stacks its clusters at 0,0: they come in laid out.
      const topology = placeStacked(decoded.topology);
      const current = state.design.topology;
      if (sameDesign(topology, current)) return { session: { incoming: null } };
      if (hasWork(current)) return { session: { incoming: { kind: 'ask', topology }, dialog: 'shared-link' } };
      return opened(topology);
    },
  },
  'link.accept': {
    label: 'Open shared',
    group: 'Files',
    enabled: (s) => s.session.incoming?.kind === 'ask',
    run({ state }) {
      const incoming = state.session.incoming;
      if (incoming?.kind !== 'ask') return NOTHING;
      const outcome = opened(incoming.topology, BRING_BACK);
      return { ...outcome, session: { ...outcome.session, dialog: null } };
    },
  },
  'link.dismiss': {
    label: 'Keep mine',
    group: 'Files',
    run({ state }) {
      return { session: { incoming: null, ...(state.session.dialog === 'shared-link' ? { dialog: null } : {}) } };
    },
  },
});

function opened(topology: Topology, action?: Notice['action']): Outcome {
  return {
    design: replace(topology),
    session: { incoming: null, notice: { text: `Opened the shared design “${topology.name}”.`, tone: 'info', action } },
    fit: 'all',
  };
}
