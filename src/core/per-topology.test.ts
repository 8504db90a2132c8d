import { describe, expect, it } from 'vitest';
import { gatewaySystems, peerMap } from './conf/topology-facts';
import { TEMPLATES } from './templates';
import { perTopology } from './per-topology';

describe('perTopology', () => {
  it('computes once per topology object, again for a new one', () => {
    let runs = 0;
    const names = perTopology((t) => {
      runs++;
      return t.clusters.map((c) => c.name);
    });
    const t = TEMPLATES[0].topology();
    const first = names(t);
    expect(names(t)).toBe(first);
    expect(runs).toBe(1);
    // An edit makes a new topology object, whatever it shares with the old one.
    const edited = { ...t, clusters: t.clusters.map((c, i) => (i === 0 ? { ...c, name: 'renamed' } : c)) };
    expect(names(edited)).toEqual(['renamed', ...first.slice(1)]);
    expect(runs).toBe(2);
  });

  it('gives the facts a render, its lint and its budget share the same for one topology', () => {
    const t = TEMPLATES[0].topology();
    expect(gatewaySystems(t)).toBe(gatewaySystems(t));
    expect(peerMap(t)).toBe(peerMap(t));
    const relinked = { ...t, gateways: [] };
    expect(gatewaySystems(relinked)).not.toBe(gatewaySystems(t));
    expect(gatewaySystems(relinked)).toHaveLength(t.clusters.length);
  });
});
