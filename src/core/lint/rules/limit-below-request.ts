import { parseQuantity } from '../../quantity';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { origin } from '../support';

/** LIMIT_BELOW_REQUEST: Kubernetes refuses a pod whose limit is below its request, so no server starts. */
export const limitBelowRequest: Rule = {
  id: 'limit-below-request',
  description: 'No resource limit is below its request.',
  check({ resolved }) {
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      for (const r of ['cpu', 'memory'] as const) {
        const req = cluster.resources.requests[r];
        const lim = cluster.resources.limits[r];
        if (req === undefined || lim === undefined) continue;
        const reqValue = parseQuantity(req);
        const limValue = parseQuantity(lim);
        if (reqValue === null || limValue === null || limValue >= reqValue) continue;
        const label = r === 'cpu' ? 'CPU' : 'memory';
        out.push({
          code: 'LIMIT_BELOW_REQUEST',
          severity: 'error',
          target: { kind: 'cluster', cluster: cluster.name, field: `resources.limits.${r}` },
          message:
            `cluster ${cluster.name} has a ${label} limit of ${lim}${origin(spec, `resources.limits.${r}`)}, below its request of ` +
            `${req}${origin(spec, `resources.requests.${r}`)}: Kubernetes refuses the pods, so no server starts`,
          fix: `Raise the ${label} limit to at least ${req}, or lower the request.`,
        });
      }
    }
    return out;
  },
};
