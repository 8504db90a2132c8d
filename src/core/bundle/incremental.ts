import { confContext } from '../conf/nats-conf';
import { gatewaySystems } from '../conf/topology-facts';
import type { Cluster, ResolvedCluster, Topology } from '../model';
import { credentialsFor } from '../k8s/bundle-objects';
import { planBundle, renderClusterFiles, type BundleOptions, type ClusterFiles, type PlannedFile } from './bundle';
import type { BundleFile } from './files';

/** Renders bundles one edit after another, reusing what the edit did not change. */
export interface BundleRenderer {
  /** The same files as `renderBundle(topology, options)`, byte for byte. */
  render(topology: Topology, options?: BundleOptions): BundleFile[];
  /**
   * The same files as {@link render}, each rendered when its content is first asked for: what a preview that shows
   * one file needs within the frame of an edit. The clusters a plan renders are reused by the next render.
   */
  plan(topology: Topology, options?: BundleOptions): BundlePlan;
  /** How many clusters the last render rendered and how many it reused. */
  stats(): { rendered: number; reused: number };
}

/** A bundle's paths, sorted, and each file's content on demand. */
export interface BundlePlan {
  paths: string[];
  /** The file's content, rendered on the first ask; undefined for a path the bundle does not have. */
  content(path: string): string | undefined;
}

interface CachedCluster {
  inputs: string;
  files: ClusterFiles;
}

/** A cluster's last files by its name, valid while the shared inputs are `shared`. */
interface ClusterCache {
  shared: string | null;
  clusters: Map<string, CachedCluster>;
}

const EMPTY: ClusterCache = { shared: null, clusters: new Map() };

/** A bundle ready to render: its files, each rendered on the first ask, and the cluster cache they fill as they are. */
interface Prepared {
  files: PlannedFile[];
  next: ClusterCache;
  /** Clusters rendered and reused so far. */
  counts: { rendered: number; reused: number };
}

/**
 * A bundle renderer for a designer that renders on every edit. It keeps each cluster's `nats.conf` and manifest
 * from the last render and reuses them while their inputs are unchanged: editing one cluster of fifty renders
 * one cluster, not fifty. The bundle-wide files (README, kustomization, Secret, topology file…) are rendered
 * every time. A property test over sequences of edits checks that the output equals {@link renderBundle}.
 *
 * One renderer per view: it remembers only the last topology it rendered, and the clusters the last plan rendered.
 */
export function createBundleRenderer(): BundleRenderer {
  let cache = EMPTY;
  let stats = { rendered: 0, reused: 0 };
  // The last plan's preparation, its cluster cache filled as its files are asked for: a render of the same topology,
  // with the same options, finishes it instead of preparing again (the designer's full render follows the preview's
  // plan a frame later); any other reuses the clusters it rendered.
  let lastPlan: { topology: Topology; passwords: BundleOptions['passwords']; prepared: Prepared } | null = null;

  const prepare = (topology: Topology, options: BundleOptions): Prepared => {
    const credentials = credentialsFor(topology, options.passwords);
    const shared = sharedInputs(topology, credentials.name);
    // A cluster's files are reused from the last render or the last plan, when rendered from the same inputs.
    const sources = [cache, lastPlan?.prepared.next ?? EMPTY].filter((c) => c.shared === shared).map((c) => c.clusters);
    const next: ClusterCache = { shared, clusters: new Map() };
    const counts = { rendered: 0, reused: 0 };
    const context = confContext(topology);
    const specs = new Map(topology.clusters.map((c) => [c.name, c]));
    const systems = systemWriter(topology);
    const files = planBundle(topology, credentials, context, (cluster) => {
      const inputs = clusterInputs(cluster, specs.get(cluster.name), systems);
      const hit = sources.map((s) => s.get(cluster.name)).find((h) => h !== undefined && h.inputs === inputs);
      const clusterFiles = hit ? hit.files : renderClusterFiles(topology, cluster, context, credentials.name);
      counts[hit ? 'reused' : 'rendered']++;
      next.clusters.set(cluster.name, { inputs, files: clusterFiles });
      return clusterFiles;
    });
    return { files, next, counts };
  };

  return {
    render(topology, options = {}) {
      const planOfIt = lastPlan?.topology === topology && lastPlan.passwords === options.passwords;
      const { files, next, counts } = planOfIt ? lastPlan!.prepared : prepare(topology, options);
      // What the plan rendered, this render reuses.
      const byPlan = counts.rendered;
      const out = files.map((f) => ({ path: f.path, content: f.content() }));
      // Only after a render that did not throw; clusters that are gone leave the cache with it.
      cache = next;
      lastPlan = null;
      stats = { rendered: counts.rendered - byPlan, reused: counts.reused + byPlan };
      return out;
    },
    plan(topology, options = {}) {
      const prepared = prepare(topology, options);
      lastPlan = { topology, passwords: options.passwords, prepared };
      const byPath = new Map(prepared.files.map((f) => [f.path, f]));
      return { paths: prepared.files.map((f) => f.path), content: (path) => byPath.get(path)?.content() };
    },
    stats: () => ({ ...stats }),
  };
}

/**
 * Topology keys no cluster's files read as they are: the clusters and links come in through
 * {@link clusterInputs}, the defaults through each resolved cluster, and the kind environment only feeds the
 * budget. Everything else counts: a key added to the topology is in the inputs until it is named here, so a
 * forgotten key costs a re-render, never a stale file.
 */
const NOT_SHARED: ReadonlySet<string> = new Set(['clusters', 'gateways', 'defaults', 'kind']);

/** What every cluster's files may read from the topology besides the clusters, and the credentials Secret's name. */
function sharedInputs(topology: Topology, secretName: string): string {
  return JSON.stringify([Object.entries(topology).filter(([key]) => !NOT_SHARED.has(key)), secretName]);
}

/**
 * What one cluster's files read of the clusters: itself with its defaults merged in (every key of it but its
 * canvas position, which no renderer reads), and the names of its gateway remotes (every other cluster of its
 * gateway system), in order, with their placement. A remote's gateway URL is its headless Service name or external
 * address, so a remote's replicas or resources never change this cluster's files.
 */
function clusterInputs(cluster: ResolvedCluster, spec: Cluster | undefined, system: (name: string) => string): string {
  const own = spec ? Object.entries(spec).filter(([key]) => key !== 'position') : null;
  return JSON.stringify([cluster, own]) + system(cluster.name);
}

/**
 * The remotes part of {@link clusterInputs}, written once per gateway system: a cluster's remotes are its system
 * but itself, in topology order, so the whole system (with the cluster's own name beside it) says the same. Written
 * per cluster, a mesh of 50 wrote 49 remotes 50 times on every edit.
 */
function systemWriter(topology: Topology): (name: string) => string {
  // The first cluster of each name stands for it, as in the gateway remotes.
  const first = new Map<string, Cluster>();
  for (const c of topology.clusters) if (!first.has(c.name)) first.set(c.name, c);
  // A remote's placement decides how it is dialed (in-cluster name or external address) and whether this cluster is exposed.
  const placed = (c: Cluster) => [c.name, c.kubeContext ?? null, c.gateway ?? null];
  const written = new Map<string, string>();
  for (const system of gatewaySystems(topology)) {
    // A cluster alone in its system has no remotes.
    const text = JSON.stringify(system.length < 2 ? [] : system.map((n) => placed(first.get(n)!)));
    for (const name of system) written.set(name, text);
  }
  return (name) => written.get(name) ?? '[]';
}
