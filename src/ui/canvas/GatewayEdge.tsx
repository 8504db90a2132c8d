import { memo } from 'react';
import { BaseEdge, getStraightPath, useInternalNode, type Edge, type EdgeProps, type InternalNode } from '@xyflow/react';
import type { Severity } from '../../core';

export interface GatewayEdgeData extends Record<string, unknown> {
  severity: Severity | null;
}

export type GatewayFlowEdge = Edge<GatewayEdgeData, 'gateway'>;

/**
 * A gateway link drawn centre to centre and clipped at both nodes' borders, so a full mesh reads clearly from
 * any angle whichever handle the user dragged from.
 */
function GatewayEdgeView({ id, source, target, selected, data }: EdgeProps<GatewayFlowEdge>) {
  const from = useInternalNode(source);
  const to = useInternalNode(target);
  if (!from || !to) return null;
  const a = border(from, centre(to));
  const b = border(to, centre(from));
  const [path] = getStraightPath({ sourceX: a.x, sourceY: a.y, targetX: b.x, targetY: b.y });
  const severity = data?.severity ?? null;
  return (
    <>
      {/* The click target: a filled band around the line rather than a wide stroke, so the edge has a real
          box even when it is perfectly horizontal or vertical (strokes do not count towards an SVG box). */}
      <path d={band(a, b, HIT_HALF_WIDTH)} className="gateway-edge__hit" />
      <BaseEdge id={id} path={path} interactionWidth={0} className={`gateway-edge${selected ? ' is-selected' : ''}${severity ? ` has-${severity}` : ''}`} />
    </>
  );
}

export const GatewayEdge = memo(GatewayEdgeView);

const HIT_HALF_WIDTH = 9;

/** A rectangle of half-width `w` around the segment a–b, as an SVG path. */
function band(a: Point, b: Point, w: number): string {
  const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
  const nx = (-(b.y - a.y) / len) * w;
  const ny = ((b.x - a.x) / len) * w;
  return `M${a.x + nx},${a.y + ny}L${b.x + nx},${b.y + ny}L${b.x - nx},${b.y - ny}L${a.x - nx},${a.y - ny}Z`;
}

interface Point {
  x: number;
  y: number;
}

function size(n: InternalNode): { w: number; h: number } {
  return { w: n.measured.width ?? 0, h: n.measured.height ?? 0 };
}

function centre(n: InternalNode): Point {
  const { w, h } = size(n);
  return { x: n.internals.positionAbsolute.x + w / 2, y: n.internals.positionAbsolute.y + h / 2 };
}

/** Where the line from this node's centre towards `toward` leaves its rectangle. */
function border(n: InternalNode, toward: Point): Point {
  const c = centre(n);
  const { w, h } = size(n);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const scale = 1 / Math.max(Math.abs(dx) / (w / 2 || 1), Math.abs(dy) / (h / 2 || 1));
  return { x: c.x + dx * scale, y: c.y + dy * scale };
}
