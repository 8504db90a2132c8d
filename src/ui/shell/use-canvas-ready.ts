import { useEffect, useState } from 'react';
import { useDesignerContext } from './context';

/**
 * Whether this designer's canvas has been interactive once. What renders only after it (the panels and forms that
 * load lazily) is requested after the canvas, never in the JavaScript the first load waits for.
 */
export function useCanvasReady(): boolean {
  const { canvasReady } = useDesignerContext();
  const [ready, setReady] = useState(canvasReady.done);
  useEffect(() => (ready ? undefined : canvasReady.whenDone(() => setReady(true))), [ready, canvasReady]);
  return ready;
}
