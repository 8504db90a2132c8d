import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { storageClass } from './storage-class';
import { factsOf } from '../../check/facts';

describe('storage-class', () => {
  it('reports a storage class with upper case and underscores', () => {
    // given
    const t = topologyFrom({ clusters: [{ name: 'a', jetstream: { storageClass: 'Fast_SSD' } }] });
    // when
    const problems = storageClass.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'STORAGE_CLASS_INVALID', severity: 'error', target: { kind: 'cluster', cluster: 'a', field: 'jetstream.storageClass' } }),
    ]);
  });

  it('reports an inherited class on every cluster', () => {
    // given
    const t = topologyFrom({ defaults: { jetstream: { storageClass: 'gp3 ' } }, clusters: [{ name: 'a' }, { name: 'b' }] });
    // when
    const problems = storageClass.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['STORAGE_CLASS_INVALID', 'STORAGE_CLASS_INVALID']);
    expect(problems[1].message).toContain('"gp3 " (from defaults)');
  });

  it("accepts the default class, kind's standard and dotted names", () => {
    // given
    const t = topologyFrom({
      clusters: [{ name: 'a' }, { name: 'b', jetstream: { storageClass: 'standard' } }, { name: 'c', jetstream: { storageClass: 'ebs.csi.aws.com-gp3' } }],
    });
    // when / then
    expect(codes(storageClass.check(factsOf(t)))).toEqual([]);
  });
});
