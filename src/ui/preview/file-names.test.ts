import { describe, expect, it } from 'vitest';
import { shortNames } from './file-names';

describe('shortNames', () => {
  it('leaves names that fit alone', () => {
    expect([...shortNames(['a.conf', 'b.conf'], 20).values()]).toEqual(['a.conf', 'b.conf']);
  });

  it('keeps the end of a long name, where the extension and the last word are', () => {
    const names = shortNames(['noetl-us-east-1-primary.conf', 'noetl-us-east-1-replica.conf'], 20);
    const [a, b] = [...names.values()];
    expect(a).toHaveLength(20);
    expect(a).toContain('…');
    expect(a).toBe('noetl-us…rimary.conf');
    expect(b).toBe('noetl-us…eplica.conf');
  });

  it('moves the cut until names that differ only in the middle read differently', () => {
    const long = ['noetl-us-east-1-primary-cluster.conf', 'noetl-us-west-1-primary-cluster.conf'];
    const names = shortNames(long, 20);
    const shown = long.map((n) => names.get(n)!);
    expect(new Set(shown).size).toBe(2);
    for (const s of shown) expect(s.length).toBeLessThanOrEqual(20);
  });

  it('cuts each name on its own when no one cut tells them all apart, and leaves whole what none can', () => {
    const long = ['noetl-us-east-1-primary-region.conf', 'noetl-us-east-1-secondary-region.conf', 'noetl-us-west-2-primary-region.conf'];
    const names = shortNames(long, 18);
    expect(new Set(names.values()).size).toBe(3);
    expect(names.get(long[1])).toContain('…');
  });

  it('never shows two files under one name, even among many long names', () => {
    const long = Array.from({ length: 30 }, (_, i) => `a-very-long-cluster-name-number-${i}-of-the-design.yaml`);
    const names = shortNames([...long, 'short.yaml'], 20);
    expect(new Set(names.values()).size).toBe(31);
    expect(names.get('short.yaml')).toBe('short.yaml');
  });
});
