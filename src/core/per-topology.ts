import type { Topology } from './model';

/**
 * `compute` once per topology object. A render, its lint and its budget ask for the same facts a dozen times, and at
 * 200 clusters each costs milliseconds. Topologies are never changed in place (every edit makes a new object), and
 * the results are read-only, so a cached answer is always the right one. Only for facts no bigger than the topology
 * itself: the cache lives as long as the topology does, and the undo history keeps many.
 */
export function perTopology<T>(compute: (topology: Topology) => T): (topology: Topology) => T {
  const cache = new WeakMap<Topology, T>();
  return (topology) => {
    let value = cache.get(topology);
    if (value === undefined) {
      value = compute(topology);
      cache.set(topology, value);
    }
    return value;
  };
}
