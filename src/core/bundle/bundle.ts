import { confContext, renderNatsConf, type ConfContext } from '../conf/nats-conf';
import { kubernetesAddressing } from '../conf/addressing';
import { resolveCluster, type ResolvedCluster, type Topology } from '../model';
import { clientServiceFor, configMapFor, headlessServiceFor, podDisruptionBudgetFor, statefulSetFor } from '../k8s/cluster-objects';
import { credentialsFor, namespaceFor, secretFor, type Credentials } from '../k8s/bundle-objects';
import { toYaml, toYamlDocuments } from '../k8s/yaml';
import { podMonitorFor } from '../k8s/monitoring';
import { natsBoxFor } from '../k8s/nats-box';
import { bundleUsesTls, clusterCertificateFor, tlsAuthorityObjects } from '../k8s/tls-objects';
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
  const certificate = clusterCertificateFor(topology, cluster);
  const objects: object[] = [
    configMapFor(topology, cluster, conf),
    headlessServiceFor(topology, cluster),
    clientServiceFor(topology, cluster),
    ...(certificate ? [certificate] : []),
    statefulSetFor(topology, cluster, conf, secretName),
    podDisruptionBudgetFor(topology, cluster),
  ];
  if (topology.monitoring?.exporter) objects.push(podMonitorFor(topology, cluster));
  const manifest = toYamlDocuments(objects);
  return { conf, manifest };
}

/**
 * The bundle around each cluster's files, which `clusterFiles` supplies: {@link renderBundle} renders them, the
 * incremental renderer reuses the ones that did not change. The bundle-wide files are rendered here every time.
 */
export function assembleBundle(
  topology: Topology,
  credentials: Credentials,
  context: ConfContext,
  clusterFiles: (cluster: ResolvedCluster) => ClusterFiles,
): BundleFile[] {
  const files: BundleFile[] = [];
  const resources = [BUNDLE_PATHS.namespace, BUNDLE_PATHS.secret];
  const seen = new Set<string>();
  const clusters: ResolvedCluster[] = [];
  for (const spec of topology.clusters) {
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    clusters.push(resolveCluster(topology, spec));
  }
  // The CA before the clusters' Certificates that it signs.
  const tls = bundleUsesTls(clusters);
  if (tls) resources.push(BUNDLE_PATHS.tls);
  for (const cluster of clusters) {
    const { conf, manifest } = clusterFiles(cluster);
    files.push({ path: BUNDLE_PATHS.clusterManifest(cluster.name), content: manifest });
    files.push({ path: BUNDLE_PATHS.natsConf(cluster.name), content: conf });
    resources.push(BUNDLE_PATHS.clusterManifest(cluster.name));
  }
  if (topology.natsBox) {
    files.push({ path: BUNDLE_PATHS.natsBox, content: toYaml(natsBoxFor(topology, credentials.name)) });
    resources.push(BUNDLE_PATHS.natsBox);
  }
  files.push(
    { path: BUNDLE_PATHS.namespace, content: toYaml(namespaceFor(topology)) },
    { path: BUNDLE_PATHS.secret, content: toYaml(secretFor(topology, credentials)) },
    { path: BUNDLE_PATHS.kustomization, content: renderKustomization(resources) },
    { path: BUNDLE_PATHS.kindConfig, content: renderKindConfig(topology) },
    { path: BUNDLE_PATHS.topology, content: serializeTopology(topology) },
    { path: BUNDLE_PATHS.readme, content: renderBundleReadme(topology, context.remotes) },
  );
  if (tls) files.push({ path: BUNDLE_PATHS.tls, content: toYamlDocuments(tlsAuthorityObjects(topology)) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
