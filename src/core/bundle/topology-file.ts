import { toYaml } from '../k8s/yaml';
import { FIELD_TREE, type FieldNode } from '../format/fields';
import type { Cluster, Topology } from '../model';

/**
 * The topology as a version-1 file: every top-level key explicit, each cluster with only what it overrides.
 * `parseTopology(serializeTopology(t))` gives back `t`; the bundle's topology.yaml, the designer's Export and
 * its YAML tab all use this.
 */
export function serializeTopology(topology: Topology): string {
  return toYaml(topologyData(topology), FLOW);
}

/** Short things read best on one line: positions, resource lists, users, gateway pairs, other workloads. */
const FLOW = { keys: new Set(['position', 'requests', 'limits', 'users']), itemsOf: new Set(['gateways', 'leafnodes', 'otherWorkloads']) };

function clusterEntry(c: Cluster): Record<string, unknown> {
  // Placement only when set: a design in one Kubernetes cluster reads as it did before placement existed.
  const placement: Record<string, unknown> = {};
  if (c.kubeContext !== undefined && c.kubeContext !== null) placement.kubeContext = c.kubeContext;
  if (c.gateway) placement.gateway = { service: c.gateway.service, address: c.gateway.address, nodePort: c.gateway.nodePort };
  return {
    name: c.name,
    region: c.region,
    zone: c.zone,
    ...(c.domain !== undefined ? { domain: c.domain } : {}),
    ...placement,
    position: { x: c.position.x, y: c.position.y },
    ...writeSettings(c, FIELD_TREE, 1),
  };
}

/**
 * The settings keys `from` holds, in the field table's order: a cluster's overrides, or the defaults. An outer
 * mapping with nothing in it is left out; an inner one (`requests: {}`, every default removed) is kept.
 */
function writeSettings(from: object, nodes: readonly FieldNode[], depth: number, defaults = depth > 1): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of nodes) {
    const v = (from as Record<string, unknown>)[n.key];
    if (v === undefined) continue;
    // An off switch under `defaults` is what a missing one means: left out, so designs without TLS keep their bytes.
    if (n.field?.kind === 'boolean' && defaults && v === n.field.default) continue;
    if (n.field || v === null || typeof v !== 'object') out[n.key] = v;
    else {
      const inner = writeSettings(v, n.children, depth + 1, defaults);
      const onlySwitches = n.children.every((c) => c.field?.kind === 'boolean');
      if ((depth > 1 && !onlySwitches) || Object.keys(inner).length > 0) out[n.key] = inner;
    }
  }
  return out;
}

/** The topology as plain file-shaped data (what the file and share links carry), keys in file order. */
export function topologyData(topology: Topology): Record<string, unknown> {
  const data: Record<string, unknown> = {
    version: topology.version,
    name: topology.name,
    namespace: topology.namespace,
    clusterDomain: topology.clusterDomain,
    image: topology.image,
    jetstream: { enabled: topology.jetstream.enabled, domain: topology.jetstream.domain },
    accounts: topology.accounts.map((a) => ({ name: a.name, jetstream: a.jetstream, users: [...a.users] })),
    defaults: writeSettings(topology.defaults, FIELD_TREE, 2),
    clusters: topology.clusters.map(clusterEntry),
    gateways: topology.gateways.map(([a, b]) => [a, b]),
    // Written only when there is one, so a design without leafnodes keeps its bytes (and its share link).
    ...(topology.leafnodes ? { leafnodes: topology.leafnodes.map(([leaf, hub]) => [leaf, hub]) } : {}),
    kind: topology.kind,
    // Left out while every switch is off, as the parser leaves it out.
    ...(topology.security && Object.values(topology.security).some(Boolean) ? { security: { ...topology.security } } : {}),
  };
  // Written only when on, so a design without them keeps its bytes (and its share link).
  if (topology.monitoring) data.monitoring = { exporter: topology.monitoring.exporter };
  if (topology.natsBox) data.natsBox = true;
  return data;
}
