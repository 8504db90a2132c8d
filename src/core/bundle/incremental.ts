import { confContext, type ConfContext } from '../conf/nats-conf';
import type { ResolvedCluster, Topology } from '../model';
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
      const files = assembleBundle(topology, credentials, context, (cluster) => {
        const inputs = clusterInputs(cluster, context);
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
 * What every cluster's files read from the topology besides the clusters: the name (labels, conf comment),
 * namespace and cluster domain (DNS names), image, JetStream settings and the accounts with their users (conf, password env vars),
 * and the credentials Secret's name. Whoever makes a cluster's files read another topology field adds it here; the
 * property test fails otherwise.
 */
function sharedInputs(topology: Topology, secretName: string): string {
  return JSON.stringify([topology.name, topology.namespace, topology.clusterDomain, topology.image, topology.jetstream, topology.accounts, secretName]);
}

/**
 * What one cluster's files read of the clusters: itself with its defaults merged in, and the names of its gateway
 * remotes (every other cluster of its gateway system), in order. A remote's gateway URL is its headless Service
 * name, so a remote's replicas or resources never change this cluster's files.
 */
function clusterInputs(cluster: ResolvedCluster, context: ConfContext): string {
  return JSON.stringify([cluster, (context.remotes.get(cluster.name) ?? []).map((remote) => remote.name)]);
}
