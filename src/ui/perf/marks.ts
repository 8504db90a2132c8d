/**
 * Performance marks the benchmark (bench/browser/) reads, and anyone can see in the browser's performance panel:
 *
 * - `canvas-interactive`: once, after the first paint in which the canvas shows the current design with every
 *   node measured (or an empty design), its handlers attached. The editor chunk waits for it.
 * - `preview-painted`: after each paint that follows a change of the bundle preview's text; `detail` is the path.
 *
 * "After the paint" is approximated the usual way: a task posted from an animation frame callback runs after that
 * frame is painted.
 *
 * Nothing here holds state: whether a designer's canvas is interactive yet belongs to that designer
 * (`createCanvasReadiness`, held by shell/designer.ts).
 */

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

/** Whether one designer's canvas has been interactive once, and who waits for it. */
export interface CanvasReadiness {
  /** Whether the canvas has been interactive once. */
  done(): boolean;
  /** The canvas painted its design: mark it, the first time, and let whatever waited for it start. */
  mark(): void;
  /** Calls `fn` once the canvas is interactive (at once if it is); returns a function that stops waiting. */
  whenDone(fn: () => void): () => void;
}

export function createCanvasReadiness(): CanvasReadiness {
  let interactive = false;
  const waiting = new Set<() => void>();
  return {
    done: () => interactive,
    mark() {
      if (interactive) return;
      interactive = true;
      performance.mark('canvas-interactive');
      for (const fn of [...waiting]) fn();
      waiting.clear();
    },
    whenDone(fn) {
      if (interactive) {
        fn();
        return () => {};
      }
      waiting.add(fn);
      return () => waiting.delete(fn);
    },
  };
}

export function markPreviewPainted(path: string): void {
  afterNextPaint(() => performance.mark('preview-painted', { detail: path }));
}
