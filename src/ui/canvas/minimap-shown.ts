import { useCallback, useState } from 'react';

/** Its own localStorage key: a view preference, apart from the design (undo never touches it). */
export const MINIMAP_KEY = 'nats-topology-designer:minimap';

function readShown(): boolean {
  try {
    return globalThis.localStorage?.getItem(MINIMAP_KEY) !== 'hidden';
  } catch {
    return true;
  }
}

/** Whether the canvas shows its minimap, and a toggle that the next visit remembers. */
export function useMinimapShown(): [boolean, () => void] {
  const [shown, setShown] = useState(readShown);
  const toggle = useCallback(() => {
    setShown((was) => {
      try {
        globalThis.localStorage?.setItem(MINIMAP_KEY, was ? 'hidden' : 'shown');
      } catch {
        // A preference the browser refuses to keep lasts this visit.
      }
      return !was;
    });
  }, []);
  return [shown, toggle];
}
