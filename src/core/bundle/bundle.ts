import { confContext, renderNatsConf } from '../conf/nats-conf';
import { kubernetesAddressing } from '../conf/addressing';
import { resolveCluster, type Topology } from '../model';
import {
  clientServiceFor,
  configMapFor,
  headlessServiceFor,
  podDisruptionBudgetFor,
  statefulSetFor,
} from '../k8s/cluster-objects';
import { namespaceFor, secretFor } from '../k8s/bundle-objects';
import { toYaml, toYamlDocuments } from '../k8s/yaml';
import type { BundleFile, Passwords } from './files';
import { renderKindConfig } from './kind-config';
import { renderKustomization } from './kustomization';
import { renderBundleReadme } from './readme';
import { serializeTopology } from './topology-file';

export interface BundleOptions {
  /** Passwords by user; without them the Secret holds placeholders (previews). */
  passwords?: Passwords;
}

/** Where each kind of file goes inside a bundle. */
export const BUNDLE_PATHS = {
  readme: 'README.md',
  kustomization: 'kustomization.yaml',
  namespace: 'namespace.yaml',
  secret: 'secret.yaml',
  kindConfig: 'kind-config.yaml',
  topology: 'topology.yaml',
  clusterManifest: (cluster: string) => `clusters/${cluster}.yaml`,
  natsConf: (cluster: string) => `nats-conf/${cluster}.conf`,
};

/**
 * Every file of the Kubernetes bundle, sorted by path. Clusters with a duplicate name are rendered once (the
 * lint reports the duplicate); nothing here throws on a user's mistake.
 */
export function renderBundle(topology: Topology, options: BundleOptions = {}): BundleFile[] {
  const files: BundleFile[] = [];
  const resources = [BUNDLE_PATHS.namespace, BUNDLE_PATHS.secret];
  const seen = new Set<string>();
  const context = confContext(topology);
  for (const spec of topology.clusters) {
    if (seen.has(spec.name)) continue;
    seen.add(spec.name);
    const cluster = resolveCluster(topology, spec);
    const conf = renderNatsConf(topology, cluster.name, kubernetesAddressing(topology, cluster), context);
    const manifest = toYamlDocuments([
      configMapFor(topology, cluster, conf),
      headlessServiceFor(topology, cluster),
      clientServiceFor(topology, cluster),
      statefulSetFor(topology, cluster, conf),
      podDisruptionBudgetFor(topology, cluster),
    ]);
    files.push({ path: BUNDLE_PATHS.clusterManifest(cluster.name), content: manifest });
    files.push({ path: BUNDLE_PATHS.natsConf(cluster.name), content: conf });
    resources.push(BUNDLE_PATHS.clusterManifest(cluster.name));
  }
  files.push(
    { path: BUNDLE_PATHS.namespace, content: toYaml(namespaceFor(topology)) },
    { path: BUNDLE_PATHS.secret, content: toYaml(secretFor(topology, options.passwords)) },
    { path: BUNDLE_PATHS.kustomization, content: renderKustomization(resources) },
    { path: BUNDLE_PATHS.kindConfig, content: renderKindConfig(topology) },
    { path: BUNDLE_PATHS.topology, content: serializeTopology(topology) },
    { path: BUNDLE_PATHS.readme, content: renderBundleReadme(topology, context.peers) },
  );
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
