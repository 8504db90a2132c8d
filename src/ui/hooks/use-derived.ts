import { derive, type Derived } from '../derive/derive';
import { useDesigner } from '../app/context';

/** Derived output of the current topology; computed once per topology however many panels ask. */
export function useDerived(): Derived {
  return derive(useDesigner((s) => s.topology));
}
