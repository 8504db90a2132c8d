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

/**
 * Circle for a small gateway mesh or a dense one (every link is a chord, so none runs behind a cluster), grid
 * otherwise. Dense: at least two links a cluster, where a grid's rows and columns put clusters on most lines.
 */
export function autoTidyMode(t: Topology): TidyMode {
  const n = t.clusters.length;
  if (n < 3 || t.gateways.length === 0) return 'grid';
  return n <= 10 || t.gateways.length >= 2 * n ? 'circle' : 'grid';
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
    // Radius so neighbouring nodes on the circle stay about a node width plus a gap apart; a big ring packs closer
    // (still clear of each other at the flattened sides), so fitting it does not shrink every name to nothing.
    const gapX = NODE_WIDTH + (n > 12 ? 40 : 120);
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

/**
 * The design with every cluster that came in on top of an earlier one given a place of its own: a file, a share link
 * or typed text that gives no positions puts every cluster at 0,0 (the parser's default). When all of them share
 * one spot they are laid out as Tidy would; otherwise each stacked one goes to the nearest free slot. Clusters with
 * a spot of their own keep it. The same object when nothing is stacked. Positions never reach a rendered file.
 */
export function placeStacked(t: Topology): Topology {
  const seen = new Set<string>();
  const stacked: number[] = [];
  t.clusters.forEach((c, i) => {
    const key = `${c.position.x},${c.position.y}`;
    if (seen.has(key)) stacked.push(i);
    else seen.add(key);
  });
  if (stacked.length === 0) return t;
  if (seen.size === 1) {
    const positions = tidyPositions(t, autoTidyMode(t));
    return { ...t, clusters: t.clusters.map((c, i) => ({ ...c, position: positions[i] })) };
  }
  const clusters = [...t.clusters];
  const moved = new Set(stacked);
  for (const i of stacked) {
    // Free of every cluster that keeps its spot and of those placed so far; the stacked ones still waiting do not count.
    const placed = { ...t, clusters: clusters.filter((_, j) => !moved.has(j)) };
    clusters[i] = { ...clusters[i], position: freePosition(placed, clusters[i].position) };
    moved.delete(i);
  }
  return { ...t, clusters };
}
