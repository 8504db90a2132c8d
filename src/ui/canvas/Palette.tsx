import { useCallback, type DragEvent } from 'react';
import { useDesigner, useDesignerContext } from '../app/context';
import { Icon, SeverityIcon } from '../app/icons';
import { useDerived } from '../hooks/use-derived';
import { useRunCommand } from '../hooks/use-command';
import { clusterIds, gatewayIds } from '../edits/ids';
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

function Outline() {
  const { store, view } = useDesignerContext();
  const topology = useDesigner((s) => s.topology);
  const selection = useDesigner((s) => s.selection);
  const { byCluster, byGateway } = useDerived();
  const ids = clusterIds(topology);
  const gws = gatewayIds(topology);
  if (topology.clusters.length === 0) return null;
  return (
    <section className="sidebar__section sidebar__section--grow">
      <h2 className="section-title">
        Outline <span className="count">{topology.clusters.length}</span>
      </h2>
      <ul className="outline">
        {topology.clusters.map((c, i) => {
          const p = byCluster.get(c.name);
          return (
            <li key={ids[i]}>
              <button
                type="button"
                className={`outline-item${selection.clusters.includes(ids[i]) ? ' is-selected' : ''}`}
                onClick={() => {
                  select(store, { clusters: [ids[i]], gateways: [] });
                  view.current?.fitView([ids[i]]);
                }}
              >
                <Icon name="server" size={14} />
                <span className="outline-item__name">{c.name}</span>
                {p && (
                  <span className={`sev sev--${p.worst}`} title={`${p.count} problem${p.count === 1 ? '' : 's'}`}>
                    <SeverityIcon severity={p.worst} size={12} />
                  </span>
                )}
              </button>
            </li>
          );
        })}
        {topology.gateways.map(([a, b], i) => {
          const p = byGateway.get(a < b ? `${a}~${b}` : `${b}~${a}`);
          return (
            <li key={gws[i]}>
              <button
                type="button"
                className={`outline-item outline-item--link${selection.gateways.includes(gws[i]) ? ' is-selected' : ''}`}
                onClick={() => {
                  select(store, { clusters: [], gateways: [gws[i]] });
                  view.current?.fitView([a, b]);
                }}
              >
                <Icon name="link" size={14} />
                <span className="outline-item__name">
                  {a} ↔ {b}
                </span>
                {p && (
                  <span className={`sev sev--${p.worst}`}>
                    <SeverityIcon severity={p.worst} size={12} />
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
