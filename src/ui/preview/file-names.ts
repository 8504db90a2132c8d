/**
 * Names short enough for the file list, and still different from each other. A cluster's files are named after it,
 * and long cluster names often share a beginning (`noetl-us-east-1-primary`, `noetl-us-east-1-replica`): cut at the
 * end, they would all read the same. So a long name keeps its beginning and its end, with an ellipsis in the middle,
 * and the cut moves until no two names of the list read alike.
 */
export function shortNames(names: readonly string[], max: number): Map<string, string> {
  const out = new Map<string, string>(names.map((n) => [n, n]));
  const long = names.filter((n) => n.length > max);
  if (long.length === 0 || max < 5) return out;
  // How many characters the end keeps: most of them by preference (the end holds the extension and a name's last
  // word), then more, then fewer.
  const preferred = Math.round((max - 1) * 0.6);
  const tails = [preferred];
  for (let t = preferred + 1; t <= max - 2; t++) tails.push(t);
  for (let t = preferred - 1; t >= 2; t--) tails.push(t);
  for (const tail of tails) {
    const candidate = new Map(out);
    for (const n of long) candidate.set(n, `${n.slice(0, max - 1 - tail)}…${n.slice(-tail)}`);
    if (new Set(candidate.values()).size === names.length) return candidate;
  }
  // No one cut tells them all apart: each name gets the first cut no other name shares at that place; a name that
  // no cut can tell apart stays whole (the list wraps it onto two lines).
  const cut = (n: string, tail: number) => `${n.slice(0, max - 1 - tail)}…${n.slice(-tail)}`;
  const taken = new Set(names.filter((n) => n.length <= max));
  for (const n of long) {
    const tail = tails.find((t) => long.every((m) => m === n || cut(m, t) !== cut(n, t)) && !taken.has(cut(n, t)));
    if (tail !== undefined) out.set(n, cut(n, tail));
    taken.add(out.get(n)!);
  }
  return out;
}
