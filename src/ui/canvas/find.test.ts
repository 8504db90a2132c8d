import { describe, expect, it } from 'vitest';
import { findClusters } from './find';

describe('findClusters', () => {
  const names = ['eu-west', 'us-east', 'EU-central', 'ap-south', 'constructor'];
  const ids = names.map((n) => `id-${n}`);

  it('matches a substring of the name regardless of case, names starting with it first', () => {
    expect(findClusters(names, ids, 'Eu').map((m) => m.name)).toEqual(['eu-west', 'EU-central']);
    expect(findClusters(names, ids, 'st').map((m) => m.name)).toEqual(['eu-west', 'us-east', 'constructor']);
    expect(findClusters(names, ids, 'south')).toEqual([{ id: 'id-ap-south', name: 'ap-south' }]);
  });

  it('lists nothing for an empty query or one no name holds', () => {
    expect(findClusters(names, ids, '  ')).toEqual([]);
    expect(findClusters(names, ids, 'zz')).toEqual([]);
  });
});
