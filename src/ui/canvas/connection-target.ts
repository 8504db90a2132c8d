/**
 * Where a link dragged from a handle lands. React Flow connects only on a handle (or within `connectionRadius` of
 * one); people drop on the cluster itself, as in Excalidraw or draw.io, so a drop anywhere on a cluster's body counts
 * too. The node that shows itself as the target while hovered and the node a drop links are found by the same rules.
 */
import type { InternalNode, ReactFlowState, XYPosition } from '@xyflow/react';

type Nodes = ReactFlowState['nodeLookup'];

/** The node whose box holds `p` (flow coordinates); the last one drawn, so the one on top, when boxes overlap. */
export function nodeAt(nodes: Nodes, p: XYPosition): string | null {
  let hit: string | null = null;
  for (const n of nodes.values()) if (contains(n, p)) hit = n.id;
  return hit;
}

/**
 * Whether the link being dragged is over node `id` now: near one of its handles (React Flow's own target, which wins
 * where it has one) or anywhere on its body. Constant time: every node asks this on every move of the pointer.
 */
export function isConnectionOver(s: ReactFlowState, id: string): boolean {
  const c = s.connection;
  if (!c.inProgress) return false;
  if (c.toNode) return c.toNode.id === id;
  const n = s.nodeLookup.get(id);
  return n !== undefined && contains(n, toFlow(s, c.pointer));
}

/** A point in the flow container's pixels, in flow coordinates. */
function toFlow(s: ReactFlowState, p: XYPosition): XYPosition {
  const [tx, ty, zoom] = s.transform;
  return { x: (p.x - tx) / zoom, y: (p.y - ty) / zoom };
}

function contains(n: InternalNode, p: XYPosition): boolean {
  const { x, y } = n.internals.positionAbsolute;
  const w = n.measured.width ?? 0;
  const h = n.measured.height ?? 0;
  return p.x >= x && p.x <= x + w && p.y >= y && p.y <= y + h;
}
