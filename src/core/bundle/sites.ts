import type { Cluster, Topology } from '../model';
import { siteOf } from '../conf/placement';
import { BUNDLE_PATHS, safePathSegment } from './files';

/** The overlay of the clusters that name no kube context: applied with the current one. */
export const DEFAULT_SITE_FOLDER = 'overlays/default';

/** The overlay folder of one kube context (`overlays/<context>`, made safe as a path segment). */
export function overlayFolder(kubeContext: string | null): string {
  return kubeContext === null ? DEFAULT_SITE_FOLDER : `overlays/${safePathSegment(kubeContext)}`;
}

/**
 * Each cluster's overlay folder by cluster name when any cluster names a kube context; null for a design in one
 * Kubernetes cluster, whose bundle keeps its flat layout (`kubectl apply -k .`).
 */
export function bundleSites(topology: Topology): Map<string, string> | null {
  if (!topology.clusters.some((c) => siteOf(c) !== null)) return null;
  const out = new Map<string, string>();
  for (const c of topology.clusters) if (!out.has(c.name)) out.set(c.name, overlayFolder(siteOf(c)));
  return out;
}

export function siteFolder(sites: Map<string, string>, cluster: Pick<Cluster, 'name' | 'kubeContext'>): string {
  return sites.get(cluster.name) ?? overlayFolder(siteOf(cluster));
}

/** The kube contexts of a design in first-seen order, with their overlay folders (null: the current context). */
export function kubeContexts(topology: Topology): { context: string | null; folder: string }[] {
  const seen = new Map<string | null, string>();
  for (const c of topology.clusters) if (!seen.has(siteOf(c))) seen.set(siteOf(c), overlayFolder(siteOf(c)));
  return [...seen].map(([context, folder]) => ({ context, folder }));
}

/** Where the bundle keeps its Secret: under base/ when it spans Kubernetes clusters. */
export function secretPath(topology: Topology): string {
  return bundleSites(topology) ? `base/${BUNDLE_PATHS.secret}` : BUNDLE_PATHS.secret;
}

/** Where a file of the first cluster's overlay is (the CA, nats-box: bundle.ts): in that overlay when there are several. */
export function firstSitePath(topology: Topology, path: string): string {
  const sites = bundleSites(topology);
  const first = topology.clusters[0];
  return sites && first ? `${siteFolder(sites, first)}/${path}` : path;
}
