import { memo } from 'react';
import { Handle, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { clusterSetting, type Severity, type Topology } from '../../core';
import { useDesigner } from '../shell/context';
import { clusterIndex, clustersLinked } from '../edits/ids';
import { isConnectionOver } from './connection-target';
import type { ProblemSummary } from '../derive/derive';
import { SeverityIcon } from '../shell/icons';

/**
 * What React Flow holds for a node: its name and problem summary only. The cluster's settings (region, zone,
 * replicas, JetStream) are read from the design store by the node itself, so an edit of a setting re-renders that one
 * node and never hands React Flow a new node array (which makes it re-check every node and edge).
 */
export interface ClusterNodeData extends Record<string, unknown> {
  name: string;
  problems: ProblemSummary | null;
}

/** What a node shows of its cluster, looked up by canvas id. */
export interface ClusterView {
  region: string | null;
  zone: string | null;
  replicas: number;
  jetstream: boolean;
}

const NO_CLUSTER: ClusterView = { region: null, zone: null, replicas: 0, jetstream: false };

export function clusterView(t: Topology, id: string): ClusterView {
  // The index is built once per clusters array: a hundred nodes each looking themselves up stay linear.
  const c = t.clusters[clusterIndex(t, id)];
  if (!c) return NO_CLUSTER;
  return { region: c.region, zone: c.zone, replicas: clusterSetting(t, c, 'replicas') as number, jetstream: t.jetstream.enabled };
}

export type ClusterFlowNode = Node<ClusterNodeData, 'cluster'>;

/** Dots beyond this many are summarized as "+n". */
const MAX_DOTS = 9;

const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

function ClusterNodeView({ id, data, selected }: NodeProps<ClusterFlowNode>) {
  const { name, problems } = data;
  const { region, zone, replicas, jetstream } = useDesigner(useShallow((s) => clusterView(s.design.topology, id)));
  const drop = useDropTarget(id);
  const dots = Math.min(replicas, MAX_DOTS);
  return (
    <div className={`cluster-node${selected ? ' is-selected' : ''}${problems ? ` has-${problems.worst}` : ''}${drop ? ` is-drop-${drop}` : ''}`}>
      {drop && (
        <span className="cluster-node__drop" aria-hidden="true">
          {drop === 'refused' ? 'Already linked' : 'Drop to link'}
        </span>
      )}
      <Handle type="source" position={Position.Top} id="top" />
      <Handle type="source" position={Position.Right} id="right" />
      <Handle type="source" position={Position.Bottom} id="bottom" />
      <Handle type="source" position={Position.Left} id="left" />
      <div className="cluster-node__head">
        {/* data-name: drawn large over the node when zoomed out past reading (app.css, .is-compact). */}
        <span className="cluster-node__name" title={name} data-name={name}>
          {name}
        </span>
        {problems && (
          <span
            className={`badge badge--${problems.worst}`}
            title={`${problems.count} problem${problems.count === 1 ? '' : 's'}, worst: ${SEVERITY_WORD[problems.worst]}`}
          >
            <SeverityIcon severity={problems.worst} size={12} />
            {problems.count}
          </span>
        )}
      </div>
      <div className="cluster-node__where">
        {region ?? <span className="muted">no region</span>}
        {zone && <span className="muted"> · {zone}</span>}
      </div>
      <div className="cluster-node__foot">
        <span className="replica-dots" title={`${replicas} server${replicas === 1 ? '' : 's'}`}>
          {Array.from({ length: dots }, (_, i) => (
            <span key={i} className="replica-dot" />
          ))}
          {replicas > MAX_DOTS && <span className="replica-more">+{replicas - MAX_DOTS}</span>}
          <span className="replica-count">
            {replicas} server{replicas === 1 ? '' : 's'}
          </span>
        </span>
        {jetstream && (
          <span className="js-badge" title="JetStream enabled">
            JS
          </span>
        )}
      </div>
    </div>
  );
}

export const ClusterNode = memo(ClusterNodeView);

/**
 * Whether a link being dragged would land on this node if dropped now: 'target' (it would link), 'refused' (the two
 * are linked already), or null (not over it, or it is where the drag started).
 */
function useDropTarget(id: string): 'target' | 'refused' | null {
  const from = useStore((s) => (s.connection.inProgress && s.connection.fromNode.id !== id && isConnectionOver(s, id) ? s.connection.fromNode.id : null));
  const refused = useDesigner((s) => from !== null && clustersLinked(s.design.topology, from, id));
  return from === null ? null : refused ? 'refused' : 'target';
}
