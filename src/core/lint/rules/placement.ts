import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { gatewayRemotes } from '../../conf/topology-facts';
import { crossSite, siteOf } from '../../conf/placement';
import { overlayFolder } from '../../bundle/sites';
import { joinNames, q } from '../support';

/** A DNS name (labels of letters, digits and '-', dot-separated) or an IPv4 address; IPv6 is written without brackets. */
const DNS_NAME = /^(?=.{1,253}$)([A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([-A-Za-z0-9]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;

export function isGatewayAddress(s: string): boolean {
  return DNS_NAME.test(s) || (s.includes(':') && IPV6.test(s));
}

/**
 * Placement: a cluster that a peer in another Kubernetes cluster dials must give the address it is reached at
 * (GATEWAY_UNREACHABLE: the peer would dial an in-cluster name it cannot resolve), that address must be a host name or
 * an IP (GATEWAY_ADDRESS_INVALID), a NodePort needs its port (GATEWAY_NODE_PORT_MISSING), and two kube contexts must
 * not share an overlay folder (KUBE_CONTEXT_FOLDER_COLLISION).
 */
export const placement: Rule = {
  id: 'placement',
  description: 'Clusters in other Kubernetes clusters can reach each other’s gateways.',
  check({ topology }) {
    const out: Problem[] = [];
    const remotes = gatewayRemotes(topology);
    const seen = new Set<string>();
    for (const c of topology.clusters) {
      if (seen.has(c.name)) continue;
      seen.add(c.name);
      const g = c.gateway;
      if (g?.address !== null && g?.address !== undefined && !isGatewayAddress(g.address)) {
        out.push({
          code: 'GATEWAY_ADDRESS_INVALID',
          severity: 'error',
          target: { kind: 'cluster', cluster: c.name, field: 'gateway.address' },
          message: `cluster ${c.name} has gateway address ${q(g.address)}, which is neither a DNS name nor an IP address`,
          fix: 'Type the DNS name or IP address peers dial, such as nats-east.example.com or 203.0.113.10, without a scheme or port.',
        });
      }
      if (g?.service === 'NodePort' && g.nodePort === null) {
        out.push({
          code: 'GATEWAY_NODE_PORT_MISSING',
          severity: 'error',
          target: { kind: 'cluster', cluster: c.name, field: 'gateway.nodePort' },
          message: `cluster ${c.name} exposes its gateway on a NodePort but names no port, so neither its advertise address nor its peers' URLs can say where to dial`,
          fix: 'Set gateway.nodePort to a free port from 30000 to 32767, or use a LoadBalancer.',
        });
      }
      const far = (remotes.get(c.name) ?? []).filter((r) => crossSite(c, r));
      if (far.length > 0 && !g?.address) {
        const where = siteOf(c) === null ? 'the default Kubernetes cluster' : `kube context ${q(siteOf(c)!)}`;
        out.push({
          code: 'GATEWAY_UNREACHABLE',
          severity: 'error',
          target: { kind: 'cluster', cluster: c.name, field: 'gateway.address' },
          message:
            `cluster ${c.name} runs in ${where} but ${joinNames(far.map((r) => r.name))} in another Kubernetes cluster ` +
            `${far.length === 1 ? 'dials' : 'dial'} its gateway, and it has no gateway address: they would dial an in-cluster name they cannot reach`,
          fix: `Give cluster ${c.name} a gateway address (its LoadBalancer's DNS name or IP), or run it in the same kube context as its peers.`,
        });
      }
    }
    const byFolder = new Map<string, (string | null)[]>();
    for (const c of topology.clusters) {
      const ctx = siteOf(c);
      const folder = overlayFolder(ctx);
      const list = byFolder.get(folder) ?? [];
      if (!list.includes(ctx)) list.push(ctx);
      byFolder.set(folder, list);
    }
    for (const [folder, contexts] of byFolder) {
      if (contexts.length < 2) continue;
      const names = contexts.map((x) => (x === null ? 'the default context' : q(x)));
      const first = topology.clusters.find((c) => siteOf(c) === contexts[1])!;
      out.push({
        code: 'KUBE_CONTEXT_FOLDER_COLLISION',
        severity: 'error',
        target: { kind: 'cluster', cluster: first.name, field: 'kubeContext' },
        message: `kube contexts ${joinNames(names)} would share the overlay folder ${folder}`,
        fix: 'Rename the kube context "default" (its overlay folder is the one of clusters that name no context), or name the context of those clusters.',
      });
    }
    return out;
  },
};
