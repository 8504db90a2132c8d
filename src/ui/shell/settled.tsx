import { createContext, startTransition, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Topology } from '../../core';
import { useDesigner } from './context';
import { afterNextPaint } from '../perf/marks';

/**
 * The topology as the secondary views show it: the current one, but only once the frame that follows an edit has
 * been painted, and then as a transition (React renders it in slices, and drops a render that a newer edit
 * overtakes). The field being typed in, the canvas and the bundle preview follow the live topology within the frame;
 * the problems, the budget, the outline and the badges follow a frame later, without delaying it.
 */
const SettledContext = createContext<Topology | null>(null);

export function SettledTopology({ children }: { children: ReactNode }) {
  const topology = useDesigner((s) => s.design.topology);
  const [settled, setSettled] = useState(topology);
  const latest = useRef(topology);
  useEffect(() => {
    latest.current = topology;
    if (settled === topology) return;
    afterNextPaint(() => startTransition(() => setSettled(latest.current)));
  }, [topology, settled]);
  return <SettledContext.Provider value={settled}>{children}</SettledContext.Provider>;
}

/** The settled topology; the live one outside a `SettledTopology` (tests that mount a single view). */
export function useSettledTopology(): Topology {
  const settled = useContext(SettledContext);
  const live = useDesigner((s) => (settled === null ? s.design.topology : null));
  return settled ?? live!;
}
