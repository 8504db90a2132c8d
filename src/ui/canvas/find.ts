/** Finding a cluster by name on the canvas: what "Find cluster" lists for what was typed. */

export interface Match {
  /** The cluster's canvas id. */
  id: string;
  name: string;
}

/**
 * Clusters whose name holds `query` (case-insensitive, spaces around it ignored): names starting with it first, then
 * the rest, each in topology order. Nothing for an empty query.
 */
export function findClusters(names: readonly string[], ids: readonly string[], query: string): Match[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const starts: Match[] = [];
  const holds: Match[] = [];
  names.forEach((name, i) => {
    const at = name.toLowerCase().indexOf(q);
    if (at === 0) starts.push({ id: ids[i], name });
    else if (at > 0) holds.push({ id: ids[i], name });
  });
  return [...starts, ...holds];
}
