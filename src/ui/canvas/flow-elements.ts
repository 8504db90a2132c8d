/**
 * React Flow nodes and edges derived from the topology plus UI state. Objects are reused whenever nothing
 * about them changed, so memoized nodes skip rendering and React Flow's equality check keeps its internals; when
 * nothing changed at all, the very same array comes back. A node's data is its name and problem summary only (see
 * ClusterNode.tsx): editing a cluster's settings changes no node. Links are not React Flow edges (see GatewayLayer.tsx).
 */
import type { Position, Topology } from '../../core';
import { gatewayKey, type ProblemSummary } from '../derive/derive';
import { clusterIds, linkIds } from '../edits/ids';
import type { Selection } from '../store/session';
import type { ClusterFlowNode, ClusterNodeData } from './ClusterNode';
import type { Focus } from './focus';
import type { GatewayLink } from './GatewayLayer';

export interface NodeInputs {
  topology: Topology;
  selection: Selection;
  drag: ReadonlyMap<string, Position> | null;
  measured: ReadonlyMap<string, { width: number; height: number }>;
  byCluster: Map<string, ProblemSummary>;
  /** What the selection brings forward; the rest is dimmed. Null: nothing selected, nothing dimmed. */
  focus?: Focus | null;
}

export function createNodeBuilder(): (inputs: NodeInputs) => ClusterFlowNode[] {
  let prev = new Map<string, ClusterFlowNode>();
  let prevList: ClusterFlowNode[] = [];
  return ({ topology, selection, drag, measured, byCluster, focus = null }) => {
    const ids = clusterIds(topology);
    const selected = new Set(selection.clusters);
    const next = new Map<string, ClusterFlowNode>();
    const nodes = topology.clusters.map((c, i) => {
      const id = ids[i];
      const old = prev.get(id);
      const problems = byCluster.get(c.name) ?? null;
      const candidate: ClusterNodeData = { name: c.name, problems };
      const data = old && sameData(old.data, candidate) ? old.data : candidate;
      const position = drag?.get(id) ?? c.position;
      const size = measured.get(id);
      const isSelected = selected.has(id);
      // On React Flow's wrapper of the node. Only the brought-forward few are marked (the canvas dims the others by
      // CSS, see Canvas.tsx): a selection then hands React Flow a handful of new nodes, not every one.
      const className = focus?.related.has(id) ? 'is-related' : undefined;
      const node: ClusterFlowNode =
        old &&
        old.data === data &&
        old.position.x === position.x &&
        old.position.y === position.y &&
        old.selected === isSelected &&
        old.measured === size &&
        old.className === className
          ? old
          : {
              id,
              type: 'cluster',
              position,
              data,
              selected: isSelected,
              ariaLabel: `Cluster ${c.name}`,
              ...(size ? { measured: size } : {}),
              ...(className ? { className } : {}),
            };
      next.set(id, node);
      return node;
    });
    prev = next;
    prevList = sameItems(prevList, nodes) ? prevList : nodes;
    return prevList;
  };
}

/** The same objects in the same order: React Flow need not look at any of them again. */
function sameItems<T>(a: T[], b: T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameData(a: ClusterNodeData, b: ClusterNodeData): boolean {
  return a.name === b.name && a.problems?.count === b.problems?.count && a.problems?.worst === b.problems?.worst;
}

export interface LinkInputs {
  gateways: Topology['gateways'];
  /** Every cluster's name: a link to anything else is not drawn. */
  names: string[];
  /** Every cluster's canvas id, in the same order: a link is drawn between the nodes of the first clusters so named. */
  ids: string[];
  selection: Selection;
  byGateway: Map<string, ProblemSummary>;
}

/** The links to draw, each object reused while nothing about it changed (see GatewayLayer.tsx). */
export function createLinkBuilder(): (inputs: LinkInputs) => GatewayLink[] {
  let prev = new Map<string, GatewayLink>();
  let prevList: GatewayLink[] = [];
  return ({ gateways, names, ids: nodeIds, selection, byGateway }) => {
    const nodeOf = new Map<string, string>();
    names.forEach((n, i) => {
      if (!nodeOf.has(n)) nodeOf.set(n, nodeIds[i]);
    });
    const ids = linkIds(gateways, (n) => nodeOf.get(n));
    const selected = new Set(selection.gateways);
    const next = new Map<string, GatewayLink>();
    const links: GatewayLink[] = [];
    gateways.forEach(([a, b], i) => {
      // Links to unknown clusters and self-links have nothing to draw; the lint names them.
      const from = nodeOf.get(a);
      const to = nodeOf.get(b);
      if (a === b || from === undefined || to === undefined) return;
      const id = ids[i];
      const severity = byGateway.get(gatewayKey(a, b))?.worst ?? null;
      const isSelected = selected.has(id);
      const old = prev.get(id);
      const link: GatewayLink =
        old && old.a === a && old.b === b && old.from === from && old.to === to && old.selected === isSelected && old.severity === severity
          ? old
          : { id, a, b, from, to, selected: isSelected, severity };
      next.set(id, link);
      links.push(link);
    });
    prev = next;
    // An edit that changes no link (most of them) gives the layer the very same array.
    prevList = sameItems(prevList, links) ? prevList : links;
    return prevList;
  };
}
