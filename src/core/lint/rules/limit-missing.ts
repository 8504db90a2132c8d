import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { origin } from '../support';

const WHY = {
  cpu: 'a busy server can take every CPU of its node (on kind, the whole VM) and starve its neighbours',
  // We render GOMEMLIMIT from the memory limit; without one the Go runtime only knows the VM's memory.
  memory:
    "nothing stops the server before the node (on kind, the VM) runs out of memory, and without a limit no GOMEMLIMIT is rendered, so the Go garbage collector sizes itself to the VM's memory instead of the pod's",
} as const;

/** LIMIT_MISSING: without limits a server is bounded only by its node. */
export const limitMissing: Rule = {
  id: 'limit-missing',
  description: 'Each cluster sets CPU and memory limits.',
  check({ resolved }) {
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      for (const r of ['cpu', 'memory'] as const) {
        if (cluster.resources.limits[r] !== undefined) continue;
        const label = r === 'cpu' ? 'CPU' : 'memory';
        const request = cluster.resources.requests[r];
        out.push({
          code: 'LIMIT_MISSING',
          severity: 'warning',
          target: { kind: 'cluster', cluster: cluster.name, field: `resources.limits.${r}` },
          message: `cluster ${cluster.name} has no ${label} limit${origin(spec, `resources.limits.${r}`)}: ${WHY[r]}`,
          fix: `Set resources.limits.${r}, e.g. ${request ? `equal to the request (${request}), as the NATS Helm chart advises` : r === 'cpu' ? '1' : '2Gi'}.`,
        });
      }
    }
    return out;
  },
};
