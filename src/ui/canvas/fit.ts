/**
 * Fitting the view around what floats over the canvas. React Flow's own fit pads by a fraction of the view, so after a
 * fit, a Tidy or a resize of the panels, clusters in a corner ended up under the minimap (or the controls). Here every
 * overlay is kept clear: each one is cleared either by a strip along its side or along its top/bottom edge, whichever
 * choice of strips leaves the largest zoom.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FitOptions {
  /** Screen pixels kept free around the fitted nodes. */
  margin: number;
  minZoom: number;
  maxZoom: number;
}

/** Screen pixels kept free along each edge of the pane. */
export interface Insets {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * The viewport that shows `bounds` (flow coordinates) as large as it fits in a pane of `pane` size with none of it
 * under an overlay (pane coordinates). An overlay is cleared horizontally (a strip down the side it is nearer) or
 * vertically (a strip along the nearer top or bottom edge); every combination is tried.
 */
export function fitViewport(bounds: Rect, pane: { width: number; height: number }, overlays: Rect[], options: FitOptions): Viewport {
  return bestFit(bounds, pane, overlays, options).viewport;
}

/** The padding, per edge and margin included, that fits `bounds` as {@link fitViewport} does (for React Flow's fitView). */
export function fitPadding(bounds: Rect, pane: { width: number; height: number }, overlays: Rect[], options: FitOptions): Insets {
  return bestFit(bounds, pane, overlays, options).padding;
}

function bestFit(bounds: Rect, pane: { width: number; height: number }, overlays: Rect[], options: FitOptions): { viewport: Viewport; padding: Insets } {
  const visible = overlays.filter((o) => o.width > 0 && o.height > 0);
  const m = options.margin;
  let best: { viewport: Viewport; padding: Insets } | null = null;
  // Two ways to clear each overlay: 2^n combinations, and n is the handful of panels on the canvas.
  const combos = 1 << Math.min(visible.length, 8);
  for (let mask = 0; mask < combos; mask++) {
    const insets: Insets = { left: 0, right: 0, top: 0, bottom: 0 };
    visible.forEach((o, i) => {
      const sideways = (mask & (1 << i)) !== 0;
      if (sideways) {
        if (o.x + o.width / 2 < pane.width / 2) insets.left = Math.max(insets.left, o.x + o.width);
        else insets.right = Math.max(insets.right, pane.width - o.x);
      } else if (o.y + o.height / 2 < pane.height / 2) insets.top = Math.max(insets.top, o.y + o.height);
      else insets.bottom = Math.max(insets.bottom, pane.height - o.y);
    });
    const padding = { left: insets.left + m, right: insets.right + m, top: insets.top + m, bottom: insets.bottom + m };
    const v = fitInto(
      bounds,
      { x: padding.left, y: padding.top, width: pane.width - padding.left - padding.right, height: pane.height - padding.top - padding.bottom },
      options,
    );
    if (v && (!best || v.zoom > best.viewport.zoom)) best = { viewport: v, padding };
  }
  // Too big to clear the overlays even at the smallest zoom: all of it in view, under an overlay, beats some of it
  // cut off at the pane's edge.
  const whole = { left: m, right: m, top: m, bottom: m };
  if (best && best.viewport.zoom <= options.minZoom && !fitsAt(bounds, best.padding, pane, options.minZoom)) {
    const v = fitInto(bounds, { x: m, y: m, width: pane.width - 2 * m, height: pane.height - 2 * m }, options);
    if (v) return { viewport: v, padding: whole };
  }
  if (best) return best;
  // No room beside the overlays (a tiny pane): centre in the whole pane rather than nowhere.
  const none = { left: 0, right: 0, top: 0, bottom: 0 };
  return { viewport: fitInto(bounds, { x: 0, y: 0, ...pane }, options) ?? { x: 0, y: 0, zoom: 1 }, padding: none };
}

/** Whether `bounds` at `zoom` fits the pane inside `padding`. */
function fitsAt(bounds: Rect, padding: Insets, pane: { width: number; height: number }, zoom: number): boolean {
  return bounds.width * zoom <= pane.width - padding.left - padding.right && bounds.height * zoom <= pane.height - padding.top - padding.bottom;
}

function fitInto(bounds: Rect, area: Rect, { minZoom, maxZoom }: FitOptions): Viewport | null {
  if (area.width <= 0 || area.height <= 0) return null;
  const zoom = Math.min(maxZoom, Math.max(minZoom, Math.min(area.width / Math.max(bounds.width, 1), area.height / Math.max(bounds.height, 1))));
  return {
    zoom,
    x: area.x + area.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: area.y + area.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
}

/** Whether a box (pane coordinates) overlaps another. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
