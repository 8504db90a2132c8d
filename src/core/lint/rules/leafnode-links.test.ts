import { describe, expect, it } from 'vitest';
import { topologyFrom } from '../testing';
import { leafnodeLinks } from './leafnode-links';
import { domainSplit } from './domain-split';
import { gatewaySeparateSystem } from './gateway-separate-system';
import { factsOf } from '../../check/facts';
import { leafHubs } from '../../conf/leafnodes';
import { renderNatsConf } from '../../conf/nats-conf';
import type { Topology } from '../../model';

const problems = (t: Topology) => [...leafnodeLinks.check(factsOf(t)), ...domainSplit.check(factsOf(t))].map((p) => [p.code, p.target]);

const hubAndEdge = (data: Record<string, unknown> = {}) =>
  topologyFrom({ jetstream: { domain: 'hub' }, clusters: [{ name: 'hub' }, { name: 'edge', domain: 'edge' }], leafnodes: [['edge', 'hub']], ...data });

describe('leafnode-links and domain-split', () => {
  it('accept a leaf with its own domain under a hub with one, and render the link', () => {
    const t = hubAndEdge();
    expect(problems(t)).toEqual([]);
    expect([...leafHubs(t)]).toEqual([['edge', 'hub']]);
  });

  it('refuse a link to a cluster that does not exist, with a guess', () => {
    const t = hubAndEdge({ leafnodes: [['edge', 'hbu']] });
    const [p] = leafnodeLinks.check(factsOf(t));
    expect(p).toMatchObject({ code: 'LEAF_UNKNOWN_CLUSTER', severity: 'error', target: { kind: 'cluster', cluster: 'edge', field: 'leafnodes' } });
    expect(p.fix).toContain('"hub"');
    expect(leafHubs(t).size).toBe(0);
  });

  it('refuse loops: to itself, inside one gateway system, and back through other leaf links', () => {
    expect(problems(hubAndEdge({ leafnodes: [['hub', 'hub']] }))).toEqual([['LEAF_LOOP', { kind: 'cluster', cluster: 'hub', field: 'leafnodes' }]]);
    const gatewayed = hubAndEdge({ gateways: [['hub', 'edge']] });
    expect(problems(gatewayed).map(([code]) => code)).toEqual(['LEAF_LOOP', 'DOMAIN_SPLIT']);
    const cycle = hubAndEdge({
      clusters: [{ name: 'hub' }, { name: 'edge', domain: 'edge' }, { name: 'far', domain: 'far' }],
      leafnodes: [
        ['edge', 'hub'],
        ['hub', 'far'],
        ['far', 'edge'],
      ],
    });
    expect(problems(cycle).map(([code]) => code)).toEqual(['LEAF_LOOP', 'LEAF_LOOP', 'LEAF_LOOP']);
    expect(leafHubs(cycle).size).toBe(0);
  });

  it('refuse a leaf in another kube context than its hub, and leave the link out of the bundle', () => {
    // given: edge in its own Kubernetes cluster, dialing hub's in-cluster name
    const t = hubAndEdge({
      clusters: [
        { name: 'hub', kubeContext: 'east' },
        { name: 'edge', domain: 'edge', kubeContext: 'edge-site' },
      ],
    });
    // when
    const found = leafnodeLinks.check(factsOf(t));
    // then: one error on edge's kubeContext with the fix, and the renderer drops the link
    expect(found.map((p) => [p.code, p.severity, p.target])).toEqual([
      ['LEAF_CROSS_CONTEXT', 'error', { kind: 'cluster', cluster: 'edge', field: 'kubeContext' }],
    ]);
    expect(found[0].message).toContain('leaf edge runs in kube context "edge-site" but its hub hub in kube context "east"');
    expect(found[0].fix).toContain("set its kubeContext to hub's");
    expect(leafHubs(t).size).toBe(0);
    const conf = renderNatsConf(t, 'edge');
    expect(conf).not.toContain('remotes');
    // the same link with both in one context (the multi-region template's edge) renders
    const together = hubAndEdge({
      clusters: [
        { name: 'hub', kubeContext: 'east' },
        { name: 'edge', domain: 'edge', kubeContext: 'east' },
      ],
    });
    expect(problems(together)).toEqual([]);
    expect(renderNatsConf(together, 'edge')).toContain('remotes');
  });

  it('refuse a second hub for one leaf', () => {
    const t = hubAndEdge({
      clusters: [{ name: 'hub' }, { name: 'edge', domain: 'edge' }, { name: 'other', domain: 'o' }],
      leafnodes: [
        ['edge', 'hub'],
        ['edge', 'other'],
      ],
    });
    expect(problems(t)).toEqual([['LEAF_SECOND_HUB', { kind: 'cluster', cluster: 'edge', field: 'leafnodes' }]]);
  });

  it('refuse a domain shared by a leaf and its hub, and a hub without one', () => {
    expect(problems(hubAndEdge({ clusters: [{ name: 'hub' }, { name: 'edge', domain: 'hub' }] }))).toEqual([
      ['LEAF_DOMAIN_SHARED', { kind: 'cluster', cluster: 'edge', field: 'domain' }],
    ]);
    expect(problems(hubAndEdge({ jetstream: { domain: null } }))).toEqual([['LEAF_DOMAIN_SHARED', { kind: 'cluster', cluster: 'hub', field: 'domain' }]]);
    // Without JetStream there are no domains to clash
    expect(problems(hubAndEdge({ jetstream: { enabled: false, domain: null } }))).toEqual([]);
  });
});

describe('gateway-separate-system with leafnodes', () => {
  it('does not call a leaf a separate system, but still names an island no link reaches', () => {
    const leafOnly = topologyFrom({
      jetstream: { domain: 'hub' },
      clusters: [{ name: 'hub' }, { name: 'edge', domain: 'edge' }],
      leafnodes: [['edge', 'hub']],
    });
    expect(gatewaySeparateSystem.check(factsOf(leafOnly))).toEqual([]);
    const island = topologyFrom({
      jetstream: { domain: 'hub' },
      clusters: [{ name: 'hub' }, { name: 'edge', domain: 'edge' }, { name: 'island' }],
      leafnodes: [['edge', 'hub']],
    });
    expect(gatewaySeparateSystem.check(factsOf(island)).map((p) => p.target)).toEqual([{ kind: 'cluster', cluster: 'island' }]);
  });
});
