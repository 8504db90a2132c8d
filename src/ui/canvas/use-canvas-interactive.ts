import { useEffect } from 'react';
import { afterNextPaint, isCanvasInteractive, markCanvasInteractive } from '../perf/marks';

/**
 * Marks the canvas interactive (perf/marks.ts) after the first paint in which it shows the design. `ready` is
 * what this render saw; `stillReady` is asked again after the paint, since the design may have changed meanwhile
 * (a share link opens right after the first, empty render).
 */
export function useCanvasInteractiveMark(ready: boolean, stillReady: () => boolean): void {
  useEffect(() => {
    if (!ready || isCanvasInteractive()) return;
    afterNextPaint(() => {
      if (stillReady()) markCanvasInteractive();
    });
  }, [ready, stillReady]);
}
