import { gatewaySystems } from '../../conf/topology-facts';
import type { Rule } from '../../check/rule';
import { joinNames, origin } from '../support';

/**
 * TLS_GATEWAY_MISMATCH: every cluster of a gateway system dials every other (`conf/topology-facts.ts`), so gateway TLS
 * must be on for all of them or for none. A cluster that requires TLS refuses a plain peer, and a plain one cannot
 * answer a peer that dials with TLS: the gateways between them never form, and nats-server -t sees nothing wrong.
 * One error on each cluster with gateway TLS off, since turning it on is the fix that keeps the traffic encrypted.
 */
export const tlsGatewayMismatch: Rule = {
  id: 'tls-gateway-mismatch',
  description: 'Every cluster of a gateway system has gateway TLS on, or none has.',
  check({ topology, resolved }) {
    const byName = new Map<string, (typeof resolved)[number]>();
    for (const r of resolved) if (!byName.has(r.spec.name)) byName.set(r.spec.name, r);
    return gatewaySystems(topology).flatMap((system) => {
      const members = system.map((n) => byName.get(n)!).filter(Boolean);
      const on = members.filter((m) => m.cluster.tls.gateways).map((m) => m.spec.name);
      if (on.length === 0 || on.length === members.length) return [];
      return members
        .filter((m) => !m.cluster.tls.gateways)
        .map((m) => ({
          code: 'TLS_GATEWAY_MISMATCH',
          severity: 'error' as const,
          target: { kind: 'cluster' as const, cluster: m.spec.name, field: 'tls.gateways' },
          message:
            `cluster ${m.spec.name} has gateway TLS off${origin(m.spec, 'tls.gateways')} but its gateway peer${on.length === 1 ? '' : 's'} ${joinNames(on)} ` +
            `require${on.length === 1 ? 's' : ''} it: the gateways between them never form`,
          fix: `Turn on tls.gateways for ${m.spec.name} (or off for ${joinNames(on)}); every cluster of a gateway system must agree.`,
        }));
    });
  },
};
