import { memo, useCallback, useMemo, type DragEvent } from 'react';
import type { Severity } from '../../core';
import { useDesigner, useDesignerContext } from '../shell/context';
import { Icon, SeverityIcon } from '../shell/icons';
import { useSettledTopology } from '../shell/settled';
import { useDerived } from '../shell/use-derived';
import { useRunCommand } from '../shell/use-command';
import { gatewayKey } from '../derive/derive';
import { clusterIdOf, clusterIds, gatewayIds } from '../edits/ids';
import { CLUSTER_PRESETS, type ClusterPreset } from '../edits/topology-edits';
import { select } from '../store/store';
import { PALETTE_MIME } from './Canvas';

const PRESETS = Object.entries(CLUSTER_PRESETS) as [ClusterPreset, (typeof CLUSTER_PRESETS)[ClusterPreset]][];

/** Left sidebar: things to drag onto the canvas, and an outline of the design. */
export function Palette() {
  const run = useRunCommand();
  const onDragStart = useCallback((e: DragEvent, preset: ClusterPreset) => {
    e.dataTransfer.setData(PALETTE_MIME, preset);
    e.dataTransfer.effectAllowed = 'copy';
  }, []);
  return (
    <aside className="sidebar" aria-label="Palette and outline">
      <section className="sidebar__section">
        <h2 className="section-title">Palette</h2>
        <p className="hint">Drag onto the canvas, or click to add.</p>
        <ul className="palette">
          {PRESETS.map(([id, p]) => (
            <li key={id}>
              <button
                type="button"
                className="palette-item"
                draggable
                onDragStart={(e) => onDragStart(e, id)}
                onClick={() => run('cluster.add', { preset: id })}
                title={p.hint}
              >
                <span className="palette-item__icon">
                  <Icon name="cluster" size={18} />
                </span>
                <span className="palette-item__text">
                  <span className="palette-item__label">{p.label}</span>
                  <span className="palette-item__hint">{p.hint}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <Outline />
    </aside>
  );
}

/**
 * Every cluster and link, with its worst problem. It follows the settled topology (a frame after an edit), and each
 * row is memoized on plain values, so an edit re-renders only the rows it changed.
 */
function Outline() {
  const topology = useSettledTopology();
  const selection = useDesigner((s) => s.session.selection);
  const { byCluster, byGateway } = useDerived();
  const { clusters, gateways } = topology;
  const ids = useMemo(() => clusterIds({ clusters }), [clusters]);
  const gws = useMemo(() => gatewayIds({ clusters, gateways }), [clusters, gateways]);
  const selectedClusters = useMemo(() => new Set(selection.clusters), [selection.clusters]);
  const selectedGateways = useMemo(() => new Set(selection.gateways), [selection.gateways]);
  const clusterRows = useMemo(
    () =>
      clusters.map((c, i) => {
        const p = byCluster.get(c.name);
        return <ClusterRow key={ids[i]} id={ids[i]} name={c.name} selected={selectedClusters.has(ids[i])} worst={p?.worst ?? null} count={p?.count ?? 0} />;
      }),
    [clusters, ids, byCluster, selectedClusters],
  );
  // A big mesh has a thousand links; an edit of a cluster's settings leaves these rows as they were.
  const gatewayRows = useMemo(
    () =>
      gateways.map(([a, b], i) => {
        const p = byGateway.get(gatewayKey(a, b));
        return <GatewayRow key={gws[i]} id={gws[i]} a={a} b={b} selected={selectedGateways.has(gws[i])} worst={p?.worst ?? null} />;
      }),
    [gateways, gws, byGateway, selectedGateways],
  );
  if (clusters.length === 0) return null;
  return (
    <section className="sidebar__section sidebar__section--grow">
      <h2 className="section-title">
        Outline <span className="count">{clusters.length}</span>
      </h2>
      <ul className="outline">
        {clusterRows}
        {gatewayRows}
      </ul>
    </section>
  );
}

interface ClusterRowProps {
  id: string;
  name: string;
  selected: boolean;
  worst: Severity | null;
  count: number;
}

const ClusterRow = memo(function ClusterRow({ id, name, selected, worst, count }: ClusterRowProps) {
  const { store, view } = useDesignerContext();
  return (
    <li>
      <button
        type="button"
        className={`outline-item${selected ? ' is-selected' : ''}`}
        onClick={() => {
          select(store, { clusters: [id], gateways: [] });
          view.current?.fitView([id]);
        }}
      >
        <Icon name="server" size={14} />
        <span className="outline-item__name">{name}</span>
        {worst && (
          <span className={`sev sev--${worst}`} title={`${count} problem${count === 1 ? '' : 's'}`}>
            <SeverityIcon severity={worst} size={12} />
          </span>
        )}
      </button>
    </li>
  );
});

interface GatewayRowProps {
  id: string;
  a: string;
  b: string;
  selected: boolean;
  worst: Severity | null;
}

const GatewayRow = memo(function GatewayRow({ id, a, b, selected, worst }: GatewayRowProps) {
  const { store, view } = useDesignerContext();
  return (
    <li>
      <button
        type="button"
        className={`outline-item outline-item--link${selected ? ' is-selected' : ''}`}
        onClick={() => {
          select(store, { clusters: [], gateways: [id] });
          const t = store.getState().design.topology;
          view.current?.fitView([a, b].map((n) => clusterIdOf(t, n) ?? n));
        }}
      >
        <Icon name="link" size={14} />
        <span className="outline-item__name">
          {a} ↔ {b}
        </span>
        {worst && (
          <span className={`sev sev--${worst}`}>
            <SeverityIcon severity={worst} size={12} />
          </span>
        )}
      </button>
    </li>
  );
});
