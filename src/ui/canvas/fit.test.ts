import { describe, expect, it } from 'vitest';
import { fitViewport, overlaps, type Rect } from './fit';

const OPTIONS = { margin: 24, minZoom: 0.2, maxZoom: 1 };

/** A flow rectangle where the viewport puts it on screen. */
function onScreen(r: Rect, v: { x: number; y: number; zoom: number }): Rect {
  return { x: r.x * v.zoom + v.x, y: r.y * v.zoom + v.y, width: r.width * v.zoom, height: r.height * v.zoom };
}

describe('fitViewport', () => {
  const pane = { width: 900, height: 600 };
  const minimap = { x: 900 - 15 - 168, y: 600 - 15 - 112, width: 168, height: 112 };
  const controls = { x: 15, y: 600 - 15 - 80, width: 26, height: 80 };

  it('keeps the whole design in view, under an overlay if it must, when clearing the overlays would need less than the smallest zoom', () => {
    // Given a design that fits the pane at the smallest zoom only if nothing is reserved for the overlays
    const bounds = { x: 0, y: 0, width: 4000, height: 2700 };
    const v = fitViewport(bounds, pane, [minimap, controls], OPTIONS);
    // Then every edge of it is on screen (clearing the minimap at zoom 0.2 would have cut it off)
    const s = onScreen(bounds, v);
    expect(s.x).toBeGreaterThanOrEqual(0);
    expect(s.y).toBeGreaterThanOrEqual(0);
    expect(s.x + s.width).toBeLessThanOrEqual(pane.width);
    expect(s.y + s.height).toBeLessThanOrEqual(pane.height);
  });

  it('keeps nodes in the corners clear of the minimap and the controls, at the largest zoom that does', () => {
    // A design about as wide as the pane is: its corner nodes are where the overlays sit.
    const nodes = [0, 1, 2, 3, 4, 5].flatMap((i) => [0, 1, 2, 3].map((j) => ({ x: i * 320, y: j * 200, width: 220, height: 120 })));
    const bounds = { x: 0, y: 0, width: 5 * 320 + 220, height: 3 * 200 + 120 };
    const v = fitViewport(bounds, pane, [minimap, controls], OPTIONS);
    for (const n of nodes) {
      const s = onScreen(n, v);
      expect(overlaps(s, minimap)).toBe(false);
      expect(overlaps(s, controls)).toBe(false);
      expect(s.x).toBeGreaterThanOrEqual(0);
      expect(s.x + s.width).toBeLessThanOrEqual(pane.width);
    }
    // Clearing by the cheaper strip: no smaller than fitting beside a minimap-wide strip down the right.
    expect(v.zoom).toBeGreaterThanOrEqual((900 - 183 - 41 - 48) / bounds.width - 1e-9);
  });

  it('centres a single cluster at no more than the largest zoom', () => {
    const v = fitViewport({ x: 100, y: 100, width: 220, height: 120 }, pane, [minimap], OPTIONS);
    expect(v.zoom).toBe(1);
    const s = onScreen({ x: 100, y: 100, width: 220, height: 120 }, v);
    expect(overlaps(s, minimap)).toBe(false);
  });
});
