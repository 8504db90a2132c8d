import { confContext } from '../conf/nats-conf';
import { gatewaySystems } from '../conf/topology-facts';
import type { Cluster, ResolvedCluster, Topology } from '../model';
import { credentialsFor } from '../k8s/bundle-objects';
import { assembleBundle, renderClusterFiles, type BundleOptions, type ClusterFiles } from './bundle';
import type { BundleFile } from './files';

/** Renders bundles one edit after another, reusing what the edit did not change. */
export interface BundleRenderer {
  /** The same files as `renderBundle(topology, options)`, byte for byte. */
  render(topology: Topology, options?: BundleOptions): BundleFile[];
  /** How many clusters the last render rendered and how many it reused. */
  stats(): { rendered: number; reused: number };
}

interface CachedCluster {
  inputs: string;
  files: ClusterFiles;
}

/**
 * A bundle renderer for a designer that renders on every edit. It keeps each cluster's `nats.conf` and manifest
 * from the last render and reuses them while their inputs are unchanged: editing one cluster of fifty renders
 * one cluster, not fifty. The bundle-wide files (README, kustomization, Secret, topology file…) are rendered
 * every time. A property test over sequences of edits checks that the output equals {@link renderBundle}.
 *
 * One renderer per view: it remembers only the last topology it rendered.
 */
export function createBundleRenderer(): BundleRenderer {
  let lastShared: string | null = null;
  let cache = new Map<string, CachedCluster>();
  let stats = { rendered: 0, reused: 0 };
  return {
    render(topology, options = {}) {
      const credentials = credentialsFor(topology, options.passwords);
      const shared = sharedInputs(topology, credentials.name);
      const previous = shared === lastShared ? cache : new Map<string, CachedCluster>();
      const next = new Map<string, CachedCluster>();
      const counts = { rendered: 0, reused: 0 };
      const context = confContext(topology);
      const specs = new Map(topology.clusters.map((c) => [c.name, c]));
      const systems = systemWriter(topology);
      const files = assembleBundle(topology, credentials, context, (cluster) => {
        const inputs = clusterInputs(cluster, specs.get(cluster.name), systems);
        const hit = previous.get(cluster.name);
        const reuse = hit !== undefined && hit.inputs === inputs;
        const clusterFiles = reuse ? hit.files : renderClusterFiles(topology, cluster, context, credentials.name);
        counts[reuse ? 'reused' : 'rendered']++;
        next.set(cluster.name, { inputs, files: clusterFiles });
        return clusterFiles;
      });
      // Only after a render that did not throw; clusters that are gone leave the cache with it.
      lastShared = shared;
      cache = next;
      stats = counts;
      return files;
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
