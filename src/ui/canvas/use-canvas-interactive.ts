import { useEffect } from 'react';
import { afterNextPaint } from '../perf/marks';
import { useDesignerContext } from '../shell/context';

/**
 * Marks this designer's canvas interactive (perf/marks.ts) after the first paint in which it shows the design. `ready` is
 * what this render saw; `stillReady` is asked again after the paint, since the design may have changed meanwhile
 * (a share link opens right after the first, empty render).
 */
export function useCanvasInteractiveMark(ready: boolean, stillReady: () => boolean): void {
  const { canvasReady } = useDesignerContext();
  useEffect(() => {
    if (!ready || canvasReady.done()) return;
    afterNextPaint(() => {
      if (stillReady()) canvasReady.mark();
    });
  }, [ready, stillReady, canvasReady]);
}
