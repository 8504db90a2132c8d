import { formatBytes, parseQuantity } from '../../quantity';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { origin } from '../support';

/** Share of the memory limit a memory store may take; the rest is the server's heap, buffers and file store cache. */
export const MEMORY_STORE_SHARE = 0.5;

/**
 * MEMORY_STORE_EXCEEDS_LIMIT and MEMORY_STORE_HIGH: memory streams live in the server's heap, so a full memory
 * store counts against the container's memory limit. (A store above the *request* is not reported: our own
 * defaults do that on purpose to fit kind, and memory streams are rarely full.)
 */
export const memoryStoreSize: Rule = {
  id: 'memory-store-size',
  description: "Each server's JetStream memory store fits well inside its memory limit.",
  check({ topology, resolved }) {
    if (!topology.jetstream.enabled) return [];
    const out: Problem[] = [];
    for (const { spec, cluster } of resolved) {
      const text = cluster.jetstream.memoryStore;
      const { limits } = cluster.resources;
      // A missing limit is limit-missing's to report.
      if (limits.memory === undefined) continue;
      const store = parseQuantity(text);
      const limit = parseQuantity(limits.memory);
      if (store === null || limit === null || store === 0) continue;
      const target = { kind: 'cluster', cluster: cluster.name, field: 'jetstream.memoryStore' } as const;
      const has = `cluster ${cluster.name} has a ${text}${origin(spec, 'jetstream.memoryStore')} memory store`;
      const limitText = `${limits.memory}${origin(spec, 'resources.limits.memory')}`;
      if (store >= limit) {
        out.push({
          code: 'MEMORY_STORE_EXCEEDS_LIMIT',
          severity: 'error',
          target,
          message: `${has} and a ${limitText} memory limit: the pod is OOM-killed before the store fills`,
          fix: `Lower jetstream.memoryStore to at most ${formatBytes(Math.floor(limit * MEMORY_STORE_SHARE))}, or raise the memory limit to at least ${formatBytes(Math.ceil(store / MEMORY_STORE_SHARE))}.`,
        });
      } else if (store > limit * MEMORY_STORE_SHARE) {
        out.push({
          code: 'MEMORY_STORE_HIGH',
          severity: 'warning',
          target,
          message: `${has}, ${Math.round((store / limit) * 100)}% of its ${limitText} memory limit: with the server's own memory on top, a full store risks an OOM kill`,
          fix: `Keep the memory store at most half the limit: lower jetstream.memoryStore to ${formatBytes(Math.floor(limit * MEMORY_STORE_SHARE))} or raise the memory limit to ${formatBytes(Math.ceil(store / MEMORY_STORE_SHARE))}.`,
        });
      }
    }
    return out;
  },
};
