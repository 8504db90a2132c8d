import { KUBERNETES_PORTS } from '../conf/addressing';
import { usesTls } from '../conf/tls';
import { clusterNames } from '../names';
import type { ResolvedCluster, Topology } from '../model';
import { TLS_NAMES } from '../k8s/tls-objects';
import { BUNDLE_PATHS } from './files';
import { mdCode } from '../quote/markdown';
import { shellWord } from '../quote/shell';
import { firstSitePath, kubeContexts } from './sites';
import { siteOf } from '../conf/placement';
import { kubectlFor, kubectlIn } from './kubectl';

/** The Certificate a cluster's manifest carries, as the README's file table names it (empty without TLS). */
export function tlsClusterFiles(cluster: ResolvedCluster): string {
  return usesTls(cluster) ? 'Certificate, ' : '';
}

/** Which protocols a cluster secures, in words: `clients, routes and gateways`. */
function protocols(c: ResolvedCluster): string {
  const on = (['clients', 'routes', 'gateways', 'leafnodes'] as const).filter((p) => c.tls[p]);
  return on.length > 1 ? `${on.slice(0, -1).join(', ')} and ${on[on.length - 1]}` : on.join('');
}

/**
 * The README's TLS section, when a cluster turns TLS on: what needs cert-manager, which protocols each cluster
 * secures, how a client trusts the bundle's CA, and that a renewed certificate takes effect at the next restart.
 */
export function renderTlsSection(p: (...lines: string[]) => void, topology: Topology, clusters: ResolvedCluster[]): void {
  const secured = clusters.filter(usesTls);
  if (secured.length === 0) return;
  const ns = shellWord(topology.namespace);
  p('## TLS', '');
  // Leafnodes are named only when some cluster secures them, so bundles without leafnode TLS keep their README.
  const leaf = secured.some((c) => c.tls.leafnodes);
  // Each Kubernetes cluster signs its own clusters' certificates, so each needs cert-manager.
  const where = kubeContexts(topology).length > 1 ? 'in each Kubernetes cluster' : 'in the Kubernetes cluster';
  p(
    `The bundle needs [cert-manager](https://cert-manager.io) ${where}: ${mdCode(firstSitePath(topology, BUNDLE_PATHS.tls))} makes the bundle's own CA`,
    '(`Issuer` and `Certificate` objects), and each cluster that uses TLS gets a `Certificate` for every name its dialers use',
    `(its pods through the headless Service, both Services, \`localhost\`), mounted read-only at \`/etc/nats-certs\`.${leaf ? '' : ' Routes and'}`,
    `${leaf ? 'Routes, gateways and leafnodes' : 'gateways'} are mutual TLS: a server joins only with a certificate of this CA. The monitoring port stays plain HTTP.`,
    '',
  );
  for (const c of secured) p(`- ${mdCode(c.name)}: ${protocols(c)}`);
  p('');
  renderSharedCa(p, topology, clusters);
  const first = secured.find((c) => c.tls.clients);
  if (first) {
    const svc = clusterNames(first.name).statefulSet;
    // Every Kubernetes cluster holds the CA's Secret (a copy, with several): read it where the port-forward goes.
    const kubectl = kubectlFor(topology, first);
    p('Clients check the servers against the CA:', '', '```sh');
    p(`${kubectl} get secret ${shellWord(TLS_NAMES.ca)} -n ${ns} -o jsonpath='{.data.ca\\.crt}' | base64 -d > ca.crt`);
    p(`${kubectl} port-forward -n ${ns} ${shellWord(`svc/${svc}`)} 4222:${KUBERNETES_PORTS.client} &`);
    p('nats --tlsca ca.crt --server tls://localhost:4222 server check connection   # with --user and --password when accounts have users');
    p('```', '');
  }
  p(
    'cert-manager renews each certificate a month before its year is up, but nats-server reads its certificate files when it',
    'starts or reloads, so roll the servers after a renewal:',
    '',
    '```sh',
    ...secured.map((c) => `${kubectlFor(topology, c)} rollout restart ${shellWord(`statefulset/${clusterNames(c.name).statefulSet}`)} -n ${ns}`),
    '```',
    '',
  );
}

/**
 * A bundle over several Kubernetes clusters has one CA, made by the first cluster's overlay; every other Kubernetes
 * cluster signs with a copy of its Secret, so certificates verify across the gateways. The copy is a step of its own,
 * between applying the first overlay and the others.
 */
function renderSharedCa(p: (...lines: string[]) => void, topology: Topology, clusters: ResolvedCluster[]): void {
  const contexts = kubeContexts(topology);
  if (contexts.length < 2 || clusters.length === 0) return;
  const ns = shellWord(topology.namespace);
  const firstContext = siteOf(clusters[0]);
  const ca = shellWord(TLS_NAMES.ca);
  p(
    `One CA serves every Kubernetes cluster. The overlay of the first cluster (${mdCode(clusters[0].name)}) makes it; the other`,
    "overlays' `tls.yaml` hold only the CA Issuer, which signs with a copy of the CA's Secret. Apply the first overlay, wait",
    'for the CA, and copy its Secret to every other Kubernetes cluster before applying their overlays:',
    '',
    '```sh',
    `${kubectlIn(firstContext)} wait -n ${ns} certificate/${ca} --for=condition=Ready --timeout=120s`,
    `${kubectlIn(firstContext)} get secret ${ca} -n ${ns} -o jsonpath='{.data.tls\\.crt}' | base64 -d > nats-ca.crt`,
    `${kubectlIn(firstContext)} get secret ${ca} -n ${ns} -o jsonpath='{.data.tls\\.key}' | base64 -d > nats-ca.key`,
  );
  for (const c of contexts) {
    if (c.context === firstContext) continue;
    p(`${kubectlIn(c.context)} create namespace ${ns} --dry-run=client -o yaml | ${kubectlIn(c.context)} apply -f -`);
    p(`${kubectlIn(c.context)} create secret tls ${ca} -n ${ns} --cert=nats-ca.crt --key=nats-ca.key`);
  }
  p('rm nats-ca.key', '```', '');
}
