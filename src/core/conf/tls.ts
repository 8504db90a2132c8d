import type { ResolvedCluster, TlsSettings } from '../model';

/**
 * Where a server finds its cluster's certificate, its key and the CA that signed every certificate of the design:
 * a mounted cert-manager Secret on Kubernetes, files the local target's `certs.sh` makes.
 */
export interface TlsFiles {
  cert: string;
  key: string;
  ca: string;
}

/** The protocols with a switch, in the order a conf writes them. */
export type TlsProtocol = keyof TlsSettings;

/** Whether any listener of the cluster speaks TLS (it then needs its certificate). */
export function usesTls(cluster: ResolvedCluster): boolean {
  return cluster.tls.clients || cluster.tls.routes || cluster.tls.gateways || cluster.tls.leafnodes;
}

/**
 * Seconds a TLS handshake may take. The server's own default is half a second, which a gateway across regions (one
 * round trip more than a plain connection) or a busy host can miss; the Helm chart leaves it to the user.
 */
export const TLS_HANDSHAKE_SECONDS = 5;

/**
 * Whether a listener verifies its peer's certificate. Routes, gateways and a hub's leafnode listener do (mutual TLS: a
 * pod that reaches 6222, 7222 or 7422 without a certificate of the design's CA cannot join); clients authenticate with
 * passwords, so their listener only presents the server's certificate.
 */
export function isMutual(protocol: TlsProtocol): boolean {
  return protocol !== 'clients';
}
