import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { memoryStoreSize } from './memory-store-size';
import { factsOf } from '../../check/facts';

function withMemory(memoryStore: string, requests: Record<string, unknown>, limits: Record<string, unknown>) {
  return topologyFrom({ clusters: [{ name: 'a', jetstream: { memoryStore }, resources: { requests, limits } }] });
}

describe('memory-store-size', () => {
  it('reports a memory store at or above the memory limit', () => {
    // given
    const t = withMemory('2Gi', { memory: '512Mi' }, { memory: '2Gi' });
    // when
    const problems = memoryStoreSize.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'MEMORY_STORE_EXCEEDS_LIMIT',
        severity: 'error',
        target: { kind: 'cluster', cluster: 'a', field: 'jetstream.memoryStore' },
      }),
    ]);
    expect(problems[0].message).toBe('cluster a has a 2Gi memory store and a 2Gi memory limit: the pod is OOM-killed before the store fills');
  });

  it('warns about a memory store above half the limit', () => {
    // given
    const t = withMemory('1536Mi', { memory: '512Mi' }, { memory: '2Gi' });
    // when
    const problems = memoryStoreSize.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['MEMORY_STORE_HIGH']);
    expect(problems[0].message).toContain('75% of its 2Gi memory limit');
  });

  it('accepts the defaults: a 1Gi store is half the 2Gi limit, though above the 512Mi request', () => {
    // given
    const t = topologyFrom();
    // when / then
    expect(codes(memoryStoreSize.check(factsOf(t)))).toEqual([]);
  });

  it('leaves a missing memory limit to limit-missing', () => {
    // given
    const t = withMemory('4Gi', { memory: '512Mi' }, { memory: null });
    // when / then
    expect(codes(memoryStoreSize.check(factsOf(t)))).toEqual([]);
  });

  it('accepts a store within the request and ignores it when JetStream is off', () => {
    // given
    const small = withMemory('256Mi', { memory: '512Mi' }, { memory: '2Gi' });
    const off = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a', jetstream: { memoryStore: '4Gi' } }] });
    // when / then
    expect(codes(memoryStoreSize.check(factsOf(small)))).toEqual([]);
    expect(codes(memoryStoreSize.check(factsOf(off)))).toEqual([]);
  });
});
