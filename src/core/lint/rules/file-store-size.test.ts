import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { fileStoreSize } from './file-store-size';
import { factsOf } from '../../check/facts';

describe('file-store-size', () => {
  it('reports a file store larger than its volume', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', jetstream: { fileStore: '8Gi' } }] });
    // when
    const problems = fileStoreSize.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'FILE_STORE_EXCEEDS_VOLUME',
        severity: 'error',
        target: { kind: 'cluster', cluster: 'a', field: 'jetstream.fileStore' },
      }),
    ]);
    expect(problems[0].message).toContain('has a file store of 8Gi on a volume of 5Gi (from defaults): JetStream accepts 3 GiB more than the disk holds');
    expect(problems[0].fix).toBe('Lower jetstream.fileStore to at most 4.5 GiB, or raise jetstream.volumeSize to at least 8.89 GiB.');
  });

  it('warns about a file store above 90% of its volume, including one equal to it', () => {
    // given: the Helm chart's default, max_file_store = the PVC size
    const t = topologyFrom({ defaults: { jetstream: { fileStore: '10Gi', volumeSize: '10Gi' } } });
    // when
    const problems = fileStoreSize.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['FILE_STORE_NO_HEADROOM']);
    expect(problems[0].severity).toBe('warning');
    expect(problems[0].message).toContain('(100%)');
  });

  it('compares decimal and binary units by bytes', () => {
    // given: 5G = 4.66 GiB, 93% of 5Gi
    const t = topologyFrom({ clusters: [{ name: 'a', jetstream: { fileStore: '5G' } }] });
    // when / then
    expect(codes(fileStoreSize.check(factsOf(t)))).toEqual(['FILE_STORE_NO_HEADROOM']);
  });

  it('accepts the defaults (4Gi on 5Gi) and ignores sizes when JetStream is off', () => {
    // given
    const defaults = topologyFrom();
    const off = topologyFrom({ jetstream: { enabled: false }, clusters: [{ name: 'a', jetstream: { fileStore: '8Gi' } }] });
    // when / then
    expect(codes(fileStoreSize.check(factsOf(defaults)))).toEqual([]);
    expect(codes(fileStoreSize.check(factsOf(off)))).toEqual([]);
  });
});
