import { confContext, renderNatsConf, type ConfContext } from '../conf/nats-conf';
import { kubernetesAddressing } from '../conf/addressing';
import { resolveCluster, type ResolvedCluster, type Topology } from '../model';
import {
  clientServiceFor,
  configMapFor,
  gatewayServiceFor,
  headlessServiceFor,
  networkPolicyFor,
  podDisruptionBudgetFor,
  statefulSetFor,
} from '../k8s/cluster-objects';
import { hasCrossSitePeer } from '../conf/placement';
import { bundleSites, firstSitePath, siteFolder } from './sites';
import { credentialsFor, namespaceFor, secretFor, type Credentials } from '../k8s/bundle-objects';
import { toYaml, toYamlDocuments } from '../k8s/yaml';
import { podMonitorFor } from '../k8s/monitoring';
import { natsBoxFor } from '../k8s/nats-box';
import { bundleUsesTls, clusterCertificateFor, tlsAuthorityObjects, tlsIssuerObjects } from '../k8s/tls-objects';
import { BUNDLE_PATHS, type BundleFile, type Passwords } from './files';

export { BUNDLE_PATHS };
import { renderKindConfig } from './kind-config';
import { renderKustomization } from './kustomization';
import { renderBundleReadme } from './readme';
import { serializeTopology } from './topology-file';

export interface BundleOptions {
  /** Passwords by user; without them the Secret holds placeholders (previews). */
  passwords?: Passwords;
}

/**
 * Every file of the Kubernetes bundle, sorted by path. Clusters with a duplicate name are rendered once (the
 * lint reports the duplicate); nothing here throws on a user's mistake.
 */
export function renderBundle(topology: Topology, options: BundleOptions = {}): BundleFile[] {
  const context = confContext(topology);
  const credentials = credentialsFor(topology, options.passwords);
  return assembleBundle(topology, credentials, context, (cluster) => renderClusterFiles(topology, cluster, context, credentials.name));
}

/** The two files of one cluster: its `nats.conf` and its manifest (which carries the conf in a ConfigMap). */
export interface ClusterFiles {
  conf: string;
  manifest: string;
}

/**
 * Renders one cluster's files. `context` must be {@link confContext} of the same topology; `secretName` is the
 * credentials Secret's name ({@link credentialsFor}).
 */
export function renderClusterFiles(topology: Topology, cluster: ResolvedCluster, context: ConfContext, secretName: string): ClusterFiles {
  const conf = renderNatsConf(topology, cluster.name, kubernetesAddressing(topology, cluster), context);
  // Exposed only when a peer runs in another Kubernetes cluster: otherwise the headless Service is all it needs.
  const remotes = context.remotes.get(cluster.name) ?? [];
  const exposed = hasCrossSitePeer(cluster, remotes) ? gatewayServiceFor(topology, cluster) : null;
  const policy = topology.security?.networkPolicy ? networkPolicyFor(topology, cluster, remotes) : null;
  const certificate = clusterCertificateFor(topology, cluster);
  const objects: object[] = [
    configMapFor(topology, cluster, conf),
    headlessServiceFor(topology, cluster),
    clientServiceFor(topology, cluster),
    ...(exposed ? [exposed] : []),
    ...(certificate ? [certificate] : []),
    statefulSetFor(topology, cluster, conf, secretName),
    podDisruptionBudgetFor(topology, cluster),
    ...(policy ? [policy] : []),
  ];
  if (topology.monitoring?.exporter) objects.push(podMonitorFor(topology, cluster));
  const manifest = toYamlDocuments(objects);
  return { conf, manifest };
}

/** A file of the bundle before it is rendered: its path, and its content, rendered when first asked for and kept. */
export interface PlannedFile {
  path: string;
  content(): string;
}

/**
 * Every file of the bundle around each cluster's files, which `clusterFiles` supplies: {@link renderBundle} renders
 * them, the incremental renderer reuses the ones that did not change. The bundle-wide files are rendered here.
 */
export function assembleBundle(
  topology: Topology,
  credentials: Credentials,
  context: ConfContext,
  clusterFiles: (cluster: ResolvedCluster) => ClusterFiles,
): BundleFile[] {
  return planBundle(topology, credentials, context, clusterFiles).map((f) => ({ path: f.path, content: f.content() }));
}

/**
 * The bundle's files, sorted by path, each rendered only when its content is asked for: a preview that shows one file
 * renders that file alone within the frame of an edit. Asked for every content, the same bytes as {@link assembleBundle}.
 */
export function planBundle(
  topology: Topology,
  credentials: Credentials,
  context: ConfContext,
  clusterFiles: (cluster: ResolvedCluster) => ClusterFiles,
): PlannedFile[] {
  const files: PlannedFile[] = [];
  const file = (path: string, render: () => string) => {
    files.push({ path, content: once(render) });
  };
  const sites = bundleSites(topology);
  const resources = [BUNDLE_PATHS.namespace, BUNDLE_PATHS.secret];
  const seen = new Set<string>();
  const clusters: ResolvedCluster[] = [];
  for (const spec of topology.clusters) {
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    clusters.push(resolveCluster(topology, spec));
  }
  const tls = bundleUsesTls(clusters);
  // The first cluster's overlay makes the CA and runs nats-box (which dials that cluster's client Service).
  const inFirst = (path: string) => firstSitePath(topology, path);
  // The CA before the clusters' Certificates that it signs.
  if (tls) {
    // One CA for every Kubernetes cluster: the first context makes it; the others get only the CA Issuer, over a copy of
    // the CA's Secret (the README's TLS step), so every cluster trusts every other's certificate.
    file(inFirst(BUNDLE_PATHS.tls), () => toYamlDocuments(tlsAuthorityObjects(topology)));
    resources.push(inFirst(BUNDLE_PATHS.tls));
    if (sites)
      for (const folder of new Set(sites.values())) {
        if (`${folder}/${BUNDLE_PATHS.tls}` === inFirst(BUNDLE_PATHS.tls)) continue;
        file(`${folder}/${BUNDLE_PATHS.tls}`, () => toYamlDocuments(tlsIssuerObjects(topology)));
        resources.push(`${folder}/${BUNDLE_PATHS.tls}`);
      }
  }
  for (const cluster of clusters) {
    // One render gives both of a cluster's files, whichever is asked for first.
    const rendered = once(() => clusterFiles(cluster));
    const path = sites ? `${siteFolder(sites, cluster)}/${BUNDLE_PATHS.clusterManifest(cluster.name)}` : BUNDLE_PATHS.clusterManifest(cluster.name);
    file(path, () => rendered().manifest);
    file(BUNDLE_PATHS.natsConf(cluster.name), () => rendered().conf);
    resources.push(path);
  }
  if (topology.natsBox) {
    file(inFirst(BUNDLE_PATHS.natsBox), () => toYaml(natsBoxFor(topology, credentials.name)));
    resources.push(inFirst(BUNDLE_PATHS.natsBox));
  }
  const base = sites ? 'base/' : '';
  file(base + BUNDLE_PATHS.namespace, () => toYaml(namespaceFor(topology)));
  file(base + BUNDLE_PATHS.secret, () => toYaml(secretFor(topology, credentials)));
  if (sites) {
    // One Secret for every Kubernetes cluster: base/ holds it once, each overlay adds its own clusters.
    file(`base/${BUNDLE_PATHS.kustomization}`, () => renderKustomization([BUNDLE_PATHS.namespace, BUNDLE_PATHS.secret]));
    for (const folder of new Set(sites.values())) {
      const own = resources.filter((r) => r.startsWith(`${folder}/`)).map((r) => r.slice(folder.length + 1));
      file(`${folder}/${BUNDLE_PATHS.kustomization}`, () => renderKustomization(['../../base', ...own]));
    }
  } else file(BUNDLE_PATHS.kustomization, () => renderKustomization(resources));
  file(BUNDLE_PATHS.kindConfig, () => renderKindConfig(topology));
  file(BUNDLE_PATHS.topology, () => serializeTopology(topology));
  file(BUNDLE_PATHS.readme, () => renderBundleReadme(topology, context.remotes));
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `render`, called once, on the first ask. */
function once<T>(render: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = render();
      done = true;
    }
    return value;
  };
}
