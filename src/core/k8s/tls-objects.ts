import { clusterNames } from '../names';
import { usesTls } from '../conf/tls';
import { gatewayExternalAddress, isIpAddress } from '../conf/placement';
import type { ResolvedCluster, Topology } from '../model';
import { bundleLabels, clusterLabels } from './labels';

/**
 * cert-manager objects for the TLS switches (plain objects; the tests check them against cert-manager's schemas).
 *
 * One CA per bundle, made in the namespace: a self-signed bootstrap Issuer signs the CA Certificate, whose Secret backs
 * a CA Issuer that signs one Certificate per cluster. One CA, so every cluster trusts every other's certificate (routes
 * and gateways verify their peers against it) and nothing else; one Certificate per cluster with every name its dialers
 * use, serving all its protocols as server and as client certificate, so a protocol switched on later needs no new
 * object and the pod mounts one Secret.
 */

/** Names of the bundle's TLS objects: the bootstrap Issuer, the CA Certificate (and its Secret), the CA Issuer. */
export const TLS_NAMES = {
  bootstrapIssuer: 'nats-selfsigned',
  ca: 'nats-ca',
  caIssuer: 'nats-ca',
  /** The Certificate of one cluster, and the Secret it writes (`tls.crt`, `tls.key`, `ca.crt`). */
  cluster: (cluster: string) => `${clusterNames(cluster).statefulSet}-tls`,
};

/** The CA lives ten years: nothing rotates it, and a new one would need every cluster re-issued at once. */
const CA_DURATION = '87600h';
/**
 * A year for the clusters' certificates, renewed a month before. nats-server reads its certificates at start and on a
 * reload (there is no config reloader in the pod), so a renewed Secret takes effect at the next roll or
 * `nats-server --signal reload`; the README says so.
 */
const CERT_DURATION = '8760h';
const CERT_RENEW_BEFORE = '720h';

const ECDSA = { algorithm: 'ECDSA', size: 256 } as const;

/** Whether the bundle has any TLS at all (then it carries the CA objects). */
export function bundleUsesTls(clusters: readonly ResolvedCluster[]): boolean {
  return clusters.some(usesTls);
}

/**
 * Every DNS name a dialer of this cluster uses, the one home of that list: each pod through the headless Service
 * (a wildcard, so scaling re-issues nothing), the headless Service (gateway seeds from other clusters), the client
 * Service (clients, nats-box), each in the short forms a pod of the namespace may dial, and `localhost` for a
 * `kubectl port-forward`. An advertised external gateway address joins this list when there is one.
 */
export function certificateDnsNames(topology: Topology, cluster: ResolvedCluster): string[] {
  const n = clusterNames(cluster.name);
  const ns = topology.namespace;
  const forms = (host: string) => [host, `${host}.${ns}`, `${host}.${ns}.svc`, `${host}.${ns}.svc.${topology.clusterDomain}`];
  const external = gatewayExternalAddress(cluster);
  const advertised = external && !isIpAddress(external.host) ? [external.host] : [];
  return [...forms(n.statefulSet), ...forms(n.headless), ...forms(n.headless).map((h) => `*.${h}`), 'localhost', ...advertised];
}

/** An advertised gateway address that is an IP, as the Certificate's `ipAddresses`; nothing otherwise. */
function certificateIpAddresses(cluster: ResolvedCluster): { ipAddresses?: string[] } {
  const external = gatewayExternalAddress(cluster);
  return external && isIpAddress(external.host) ? { ipAddresses: [external.host] } : {};
}

/** The bundle's CA chain: bootstrap Issuer → CA Certificate → CA Issuer, in apply order. */
export function tlsAuthorityObjects(topology: Topology): Record<string, unknown>[] {
  const meta = (name: string) => ({ name, namespace: topology.namespace, labels: bundleLabels(topology) });
  return [
    { apiVersion: 'cert-manager.io/v1', kind: 'Issuer', metadata: meta(TLS_NAMES.bootstrapIssuer), spec: { selfSigned: {} } },
    {
      apiVersion: 'cert-manager.io/v1',
      kind: 'Certificate',
      metadata: meta(TLS_NAMES.ca),
      spec: {
        isCA: true,
        commonName: `${topology.name} NATS CA`.slice(0, 64),
        secretName: TLS_NAMES.ca,
        duration: CA_DURATION,
        privateKey: { ...ECDSA },
        issuerRef: { group: 'cert-manager.io', kind: 'Issuer', name: TLS_NAMES.bootstrapIssuer },
      },
    },
    { apiVersion: 'cert-manager.io/v1', kind: 'Issuer', metadata: meta(TLS_NAMES.caIssuer), spec: { ca: { secretName: TLS_NAMES.ca } } },
  ];
}

/**
 * The CA Issuer alone, for the other Kubernetes clusters of a bundle that spans several: it signs with a copy of the
 * first cluster's CA Secret (the README says how to copy it), so one CA backs every certificate.
 */
export function tlsIssuerObjects(topology: Topology): Record<string, unknown>[] {
  return tlsAuthorityObjects(topology).slice(2);
}

/** The Certificate of one cluster, or null when the cluster turns no TLS on. */
export function clusterCertificateFor(topology: Topology, cluster: ResolvedCluster): Record<string, unknown> | null {
  if (!usesTls(cluster)) return null;
  const name = TLS_NAMES.cluster(cluster.name);
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: { name, namespace: topology.namespace, labels: clusterLabels(topology, cluster) },
    spec: {
      secretName: name,
      duration: CERT_DURATION,
      renewBefore: CERT_RENEW_BEFORE,
      dnsNames: certificateDnsNames(topology, cluster),
      ...certificateIpAddresses(cluster),
      // Routes, gateways and leafnodes are mutual TLS: the same certificate dials (client) and answers (server).
      usages: ['server auth', 'client auth', 'digital signature', 'key encipherment'],
      privateKey: { ...ECDSA, rotationPolicy: 'Always' },
      issuerRef: { group: 'cert-manager.io', kind: 'Issuer', name: TLS_NAMES.caIssuer },
    },
  };
}
