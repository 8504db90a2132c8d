import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { origin } from '../support';

/**
 * REQUEST_MISSING: with neither a request nor a limit for a resource, the scheduler reserves none of it for the
 * server. (A limit alone is fine: Kubernetes then uses it as the request.)
 */
export const requestMissing: Rule = {
  id: 'request-missing',
  description: 'Each cluster requests CPU and memory (or limits them, which Kubernetes turns into requests).',
  check({ resolved }) {
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      const { requests, limits } = cluster.resources;
      const bestEffort = [requests.cpu, requests.memory, limits.cpu, limits.memory].every((v) => v === undefined);
      for (const r of ['cpu', 'memory'] as const) {
        if (requests[r] !== undefined || limits[r] !== undefined) continue;
        const label = r === 'cpu' ? 'CPU' : 'memory';
        out.push({
          code: 'REQUEST_MISSING',
          severity: 'warning',
          target: { kind: 'cluster', cluster: cluster.name, field: `resources.requests.${r}` },
          message:
            `cluster ${cluster.name} requests no ${label}${origin(spec, `resources.requests.${r}`)}: the scheduler reserves none for its servers` +
            (bestEffort ? ', and with no requests or limits at all the pods are BestEffort, the first evicted under node pressure' : ''),
          fix: `Set resources.requests.${r} to what a server needs at rest${r === 'cpu' ? ' (e.g. 250m)' : ' (e.g. 512Mi, above the JetStream memory store you expect to fill)'}.`,
        });
      }
    }
    return out;
  },
};
