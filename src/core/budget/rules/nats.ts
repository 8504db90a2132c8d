/** N1 and N2 (docs/kind-budget.md, "The rules"): what the placement means for NATS itself. */

import type { Problem } from '../../problems';
import { plural, type BudgetFacts } from './facts';

/** N1: a JetStream cluster with fewer than 3 servers can't place R3 streams. */
export function n1SmallCluster(f: BudgetFacts): Problem[] {
  if (!f.topology.jetstream.enabled) return [];
  return f.kindClusters
    .filter((c) => c.replicas < 3)
    .map((c) => ({
      code: 'N1',
      severity: 'info',
      target: { kind: 'cluster', cluster: c.name, field: 'replicas' },
      message: `Cluster ${c.name} has ${plural(c.replicas, 'server')}: JetStream streams there can have at most ${c.replicas} replica${c.replicas === 1 ? '' : 's'}; R3 needs 3 servers.`,
      fix: `Use stream replicas ≤ ${c.replicas}.`,
    }));
}

/**
 * N2: all of a cluster's servers on one node, so no failure isolation. Expected on single-node kind, where it is
 * said once for every cluster instead of once per cluster.
 */
export function n2OneNode(f: BudgetFacts): Problem[] {
  const nodes = f.placement.nodes;
  // The nodes holding a cluster's servers, with how many each.
  const natsOn = (cluster: string) =>
    nodes.map((s) => ({ node: s.node.name, count: s.pods.filter((p) => p.origin === 'nats' && p.cluster === cluster).length })).filter((x) => x.count > 0);
  const together = f.kindClusters.map((c) => ({ cluster: c.name, on: natsOn(c.name) })).filter((x) => x.on.length === 1 && x.on[0].count > 1);
  if (together.length === 0) return [];
  if (nodes.length === 1) {
    const servers = together.reduce((n, x) => n + x.on[0].count, 0);
    return [
      {
        code: 'N2',
        severity: 'info',
        target: { kind: 'kind', field: 'workers' },
        message: `kind has a single node, so ${plural(servers, 'NATS server')} of ${plural(together.length, 'cluster')} share ${nodes[0].node.name}: no failure isolation (expected on kind).`,
        fix: 'Nothing required for development; kind workers would spread servers over nodes, though all still share one VM.',
      },
    ];
  }
  return together.map((x) => ({
    code: 'N2',
    severity: 'info',
    target: { kind: 'cluster', cluster: x.cluster, field: 'replicas' },
    message: `All ${x.on[0].count} placed servers of cluster ${x.cluster} are on ${x.on[0].node}: no failure isolation.`,
    fix: 'Free room on the other workers, or add workers, so the scheduler can spread the servers.',
  }));
}
