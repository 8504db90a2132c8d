import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { clusterDomain } from './cluster-domain';
import { factsOf } from '../../check/facts';

describe('cluster-domain', () => {
  it.each(['cluster.local', 'k8s.example.internal', 'local'])('accepts %s', (domain) => {
    expect(codes(clusterDomain.check(factsOf(topologyFrom({ clusterDomain: domain }))))).toEqual([]);
  });

  it.each(['Cluster.Local', 'cluster..local', '.cluster.local', 'cluster local', 'cluster_local', 'cluster.local.'])('refuses %j', (domain) => {
    const [p] = clusterDomain.check(factsOf(topologyFrom({ clusterDomain: domain })));
    expect(p).toMatchObject({ code: 'CLUSTER_DOMAIN_INVALID', severity: 'error', target: { kind: 'topology', field: 'clusterDomain' } });
  });
});
