/**
 * Performance marks the benchmark (bench/browser/) reads, and anyone can see in the browser's performance panel:
 *
 * - `canvas-interactive`: once, after the first paint in which the canvas shows the current design with every
 *   node measured (or an empty design), its handlers attached. The editor chunk waits for it.
 * - `preview-painted`: after each paint that follows a change of the bundle preview's text; `detail` is the path.
 *
 * "After the paint" is approximated the usual way: a task posted from an animation frame callback runs after that
 * frame is painted.
 */

let interactive = false;
const waiting = new Set<() => void>();

/** Runs `fn` after the next frame is painted. */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      fn();
    };
    channel.port2.postMessage(null);
  });
}

/** Whether the canvas has been interactive once. */
export function isCanvasInteractive(): boolean {
  return interactive;
}

/** Calls `fn` once the canvas is interactive (at once if it is); returns a function that stops waiting. */
export function whenCanvasInteractive(fn: () => void): () => void {
  if (interactive) {
    fn();
    return () => {};
  }
  waiting.add(fn);
  return () => waiting.delete(fn);
}

/** The canvas painted its design: mark it, the first time, and let whatever waited for it start. */
export function markCanvasInteractive(): void {
  if (interactive) return;
  interactive = true;
  performance.mark('canvas-interactive');
  for (const fn of [...waiting]) fn();
  waiting.clear();
}

export function markPreviewPainted(path: string): void {
  afterNextPaint(() => performance.mark('preview-painted', { detail: path }));
}
