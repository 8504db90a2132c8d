import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { Cluster, Topology } from '../model';

/**
 * The topology as a version-1 file: every top-level key explicit, each cluster with only what it overrides.
 * `parseTopology(serializeTopology(t))` gives back `t`; the bundle's topology.yaml, the designer's Export and
 * its YAML tab all use this.
 */
export function serializeTopology(topology: Topology): string {
  const doc = new Document(topologyData(topology), { aliasDuplicateObjects: false });
  // Short things read best on one line: gateway pairs, positions, resource lists, users.
  const flow = (node: unknown) => {
    if (isMap(node) || isSeq(node)) node.flow = true;
  };
  const root = doc.contents as YAMLMap;
  const seq = (key: string) => root.get(key, true);
  const gateways = seq('gateways');
  if (isSeq(gateways)) gateways.items.forEach(flow);
  const accounts = seq('accounts');
  if (isSeq(accounts)) accounts.items.forEach((a) => isMap(a) && flow(a.get('users', true)));
  const clusters = seq('clusters');
  if (isSeq(clusters)) {
    for (const c of clusters.items) {
      if (!isMap(c)) continue;
      flow(c.get('position', true));
      const res = c.get('resources', true);
      if (isMap(res)) res.items.forEach((p) => flow(p.value));
    }
  }
  const defaults = root.get('defaults', true);
  if (isMap(defaults)) {
    const res = defaults.get('resources', true);
    if (isMap(res)) res.items.forEach((p) => flow(p.value));
  }
  const kind = root.get('kind', true);
  if (isMap(kind)) {
    const others = kind.get('otherWorkloads', true);
    if (isSeq(others)) others.items.forEach(flow);
  }
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

function clusterEntry(c: Cluster): Record<string, unknown> {
  const out: Record<string, unknown> = { name: c.name, region: c.region, zone: c.zone, position: { x: c.position.x, y: c.position.y } };
  if (c.replicas !== undefined) out.replicas = c.replicas;
  if (c.resources && (c.resources.requests || c.resources.limits)) {
    const res: Record<string, unknown> = {};
    if (c.resources.requests) res.requests = { ...c.resources.requests };
    if (c.resources.limits) res.limits = { ...c.resources.limits };
    out.resources = res;
  }
  if (c.jetstream && Object.keys(c.jetstream).length > 0) out.jetstream = { ...c.jetstream };
  return out;
}

/** The topology as plain file-shaped data (what the file and share links carry), keys in file order. */
export function topologyData(topology: Topology): Record<string, unknown> {
  return {
    version: topology.version,
    name: topology.name,
    namespace: topology.namespace,
    image: topology.image,
    jetstream: { enabled: topology.jetstream.enabled, domain: topology.jetstream.domain },
    accounts: topology.accounts.map((a) => ({ name: a.name, jetstream: a.jetstream, users: [...a.users] })),
    defaults: topology.defaults,
    clusters: topology.clusters.map(clusterEntry),
    gateways: topology.gateways.map(([a, b]) => [a, b]),
    kind: topology.kind,
  };
}
