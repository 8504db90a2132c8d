import type { Position, Topology } from '../../core';

/** Grid the canvas snaps to. */
export const GRID = 20;
/** A cluster node's footprint on the canvas (kept in step with canvas.css). */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 120;

export type TidyMode = 'circle' | 'grid';

export function snap(v: number): number {
  return Math.round(v / GRID) * GRID;
}

export function snapPosition(p: Position): Position {
  return { x: snap(p.x), y: snap(p.y) };
}

/** Circle for a small gateway mesh (every link is a chord), grid otherwise. */
export function autoTidyMode(t: Topology): TidyMode {
  return t.clusters.length >= 3 && t.clusters.length <= 10 && t.gateways.length > 0 ? 'circle' : 'grid';
}

/**
 * New positions for every cluster, in topology order. The circle starts at twelve o'clock and goes clockwise;
 * the grid fills rows about as wide as tall. Both are centred on the current layout's centre so the view does
 * not jump.
 */
export function tidyPositions(t: Topology, mode: TidyMode): Position[] {
  const n = t.clusters.length;
  if (n === 0) return [];
  const centre = layoutCentre(t);
  if (mode === 'circle' && n > 1) {
    const gapX = NODE_WIDTH + 120;
    // Radius so neighbouring nodes on the circle stay about a node width plus a gap apart.
    const radius = Math.max(220, (gapX * n) / (2 * Math.PI));
    return t.clusters.map((_, i) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return snapPosition({
        x: centre.x + radius * Math.cos(angle) - NODE_WIDTH / 2,
        y: centre.y + radius * Math.sin(angle) * 0.75 - NODE_HEIGHT / 2,
      });
    });
  }
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  const stepX = NODE_WIDTH + 100;
  const stepY = NODE_HEIGHT + 80;
  const originX = centre.x - ((cols - 1) * stepX + NODE_WIDTH) / 2;
  const originY = centre.y - ((rows - 1) * stepY + NODE_HEIGHT) / 2;
  return t.clusters.map((_, i) => snapPosition({ x: originX + (i % cols) * stepX, y: originY + Math.floor(i / cols) * stepY }));
}

function layoutCentre(t: Topology): Position {
  const xs = t.clusters.map((c) => c.position.x);
  const ys = t.clusters.map((c) => c.position.y);
  return {
    x: (Math.min(...xs) + Math.max(...xs) + NODE_WIDTH) / 2,
    y: (Math.min(...ys) + Math.max(...ys) + NODE_HEIGHT) / 2,
  };
}

/** A free spot near `wanted`: the first slot, going right and then down, that no cluster overlaps. */
export function freePosition(t: Topology, wanted: Position): Position {
  const start = snapPosition(wanted);
  for (let row = 0; row < 50; row++) {
    for (let col = 0; col < 5; col++) {
      const p = { x: start.x + col * (NODE_WIDTH + 80), y: start.y + row * (NODE_HEIGHT + 60) };
      const hit = t.clusters.some((c) => Math.abs(c.position.x - p.x) < NODE_WIDTH + GRID && Math.abs(c.position.y - p.y) < NODE_HEIGHT + GRID);
      if (!hit) return p;
    }
  }
  return start;
}
