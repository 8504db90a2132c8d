import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { Severity } from '../../core';
import type { ProblemSummary } from '../derive/derive';
import { SeverityIcon } from '../app/icons';

export interface ClusterNodeData extends Record<string, unknown> {
  name: string;
  region: string | null;
  zone: string | null;
  replicas: number;
  jetstream: boolean;
  problems: ProblemSummary | null;
}

export type ClusterFlowNode = Node<ClusterNodeData, 'cluster'>;

/** Dots beyond this many are summarized as "+n". */
const MAX_DOTS = 9;

const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

function ClusterNodeView({ data, selected }: NodeProps<ClusterFlowNode>) {
  const { name, region, zone, replicas, jetstream, problems } = data;
  const dots = Math.min(replicas, MAX_DOTS);
  return (
    <div className={`cluster-node${selected ? ' is-selected' : ''}${problems ? ` has-${problems.worst}` : ''}`}>
      <Handle type="source" position={Position.Top} id="top" />
      <Handle type="source" position={Position.Right} id="right" />
      <Handle type="source" position={Position.Bottom} id="bottom" />
      <Handle type="source" position={Position.Left} id="left" />
      <div className="cluster-node__head">
        <span className="cluster-node__name" title={name}>
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
