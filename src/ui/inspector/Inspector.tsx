import { useDeferredValue, useEffect, useRef } from 'react';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon } from '../shell/icons';
import { gatewayKey } from '../derive/derive';
import { clusterIdOf, gatewayIndex } from '../edits/ids';
import { useDerived } from '../shell/use-derived';
import { useRunCommand } from '../shell/use-command';
import type { FocusRequest } from '../store/session';
import { select } from '../store/store';
import { ClusterForm } from './ClusterForm';
import { MiniProblems } from './MiniProblems';
import { TopologyForm } from './TopologyForm';

/** Right panel: a form for the selection, or for the topology and kind environment when nothing is selected. */
export function Inspector() {
  const live = useDesigner((s) => s.session.selection);
  // The form follows the selection at low priority: a click that starts dragging a node moves the node first, and
  // the form (mounting it costs a few frames' worth) renders when the browser has time, or after the drag.
  const selection = useDeferredValue(live);
  const focus = useDesigner((s) => s.session.focus);
  const root = useRef<HTMLDivElement>(null);
  const served = useRef<number | null>(null);

  // Problems ask for a field; focus it once the form for its owner has rendered.
  useEffect(() => {
    if (!focus || !root.current || served.current === focus.nonce || selection !== live) return;
    served.current = focus.nonce;
    focusField(root.current, focus);
  }, [focus, selection, live]);

  let body;
  if (selection.clusters.length === 1 && selection.gateways.length === 0) body = <ClusterForm id={selection.clusters[0]} />;
  else if (selection.clusters.length === 0 && selection.gateways.length === 1) body = <GatewayForm id={selection.gateways[0]} />;
  else if (selection.clusters.length + selection.gateways.length > 1) body = <MultiForm />;
  else body = <TopologyForm />;

  return (
    <aside className="inspector" aria-label="Inspector" ref={root} tabIndex={-1}>
      {body}
    </aside>
  );
}

/** The input that best matches a request: the exact field, else the closest parent or child path, else the first. */
function focusField(root: HTMLElement, focus: FocusRequest): void {
  const prefix = `${focus.scope}:${focus.id ?? ''}:`;
  const inputs = [...root.querySelectorAll<HTMLElement>('[data-field]')].filter((el) => el.dataset.field?.startsWith(prefix));
  const field = focus.field ?? '';
  const score = (el: HTMLElement) => {
    const f = el.dataset.field!.slice(prefix.length);
    if (f === field) return 3;
    if (field && (f.startsWith(`${field}.`) || field.startsWith(`${f}.`))) return 2;
    return 0;
  };
  const best = inputs.reduce<HTMLElement | null>((acc, el) => (acc === null || score(el) > score(acc) ? el : acc), null);
  // Nothing to type into (a gateway): focus the panel itself so keyboard users land there.
  const target = best ?? root;
  target.focus();
  target.scrollIntoView({ block: 'center' });
  if (target instanceof HTMLInputElement && target.type === 'text') target.select();
}

function GatewayForm({ id }: { id: string }) {
  const topology = useDesigner((s) => s.design.topology);
  const { store, view } = useDesignerContext();
  const { problems } = useDerived();
  const run = useRunCommand();
  const index = gatewayIndex(topology, id);
  if (index < 0) return null;
  const [a, b] = topology.gateways[index];
  const mine = problems.filter((p) => p.target.kind === 'gateway' && gatewayKey(...p.target.clusters) === gatewayKey(a, b));
  const goTo = (name: string) => {
    const id = clusterIdOf(topology, name);
    if (id === undefined) return;
    select(store, { clusters: [id], gateways: [] });
    view.current?.fitView([id]);
  };
  return (
    <div className="form">
      <header className="inspector__head">
        <span className="inspector__kind">
          <Icon name="link" size={16} /> Gateway
        </span>
        <div className="inspector__actions">
          <button type="button" className="btn btn--danger btn--small" onClick={() => run('selection.delete')} title="Delete (Del)">
            <Icon name="trash" size={14} /> Delete
          </button>
        </div>
      </header>
      <fieldset className="group">
        <legend>Link</legend>
        <div className="gateway-ends">
          <button type="button" className="chip chip--button" onClick={() => goTo(a)}>
            {a}
          </button>
          <span aria-hidden="true">↔</span>
          <button type="button" className="chip chip--button" onClick={() => goTo(b)}>
            {b}
          </button>
        </div>
        <p className="hint">
          Each cluster's <code>gateway {'{}'}</code> block lists the other; gossip completes the mesh between every cluster this link joins. Gateways carry no
          settings of their own.
        </p>
      </fieldset>
      <MiniProblems problems={mine} />
    </div>
  );
}

function MultiForm() {
  const selection = useDesigner((s) => s.session.selection);
  const run = useRunCommand();
  const n = selection.clusters.length;
  const g = selection.gateways.length;
  return (
    <div className="form">
      <header className="inspector__head">
        <span className="inspector__kind">Selection</span>
      </header>
      <p className="selection-summary">
        {n > 0 && `${n} cluster${n === 1 ? '' : 's'}`}
        {n > 0 && g > 0 && ' and '}
        {g > 0 && `${g} link${g === 1 ? '' : 's'}`} selected.
      </p>
      <div className="button-row">
        {n > 0 && (
          <button type="button" className="btn btn--small" onClick={() => run('selection.duplicate')}>
            Duplicate
          </button>
        )}
        <button type="button" className="btn btn--danger btn--small" onClick={() => run('selection.delete')}>
          <Icon name="trash" size={14} /> Delete
        </button>
      </div>
      <p className="hint">Shift-click or Shift-drag on the canvas to change the selection.</p>
    </div>
  );
}
