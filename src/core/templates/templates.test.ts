import { describe, expect, it } from 'vitest';
import { check } from '../check/check';
import { PROVIDERS } from '../defaults';
import { templateById } from './index';

describe('the light template', () => {
  it("is sold for small VMs and opens without an error or a warning on podman's default VM", () => {
    // given
    const t = templateById('light')!.topology();
    // when
    const problems = check(t).filter((p) => p.severity !== 'info');
    // then: on the VM it is meant for, nothing to fix
    expect(t.kind).toMatchObject({ provider: 'podman', memory: PROVIDERS.podman.memory, cpus: PROVIDERS.podman.cpus, workers: 0 });
    expect(problems).toEqual([]);
  });
});

describe('the multi-region template', () => {
  it('opens without an error; its one warning is the one-server edge, and the budget covers only us-east', () => {
    // given: three regions in three kube contexts, and edge in us-east's
    const t = templateById('multi-region')!.topology();
    // when
    const problems = check(t);
    // then: no error anywhere; edge is one edge box, so its JetStream has no quorum, and the lint says so
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.filter((p) => p.severity === 'warning').map((p) => [p.code, p.target])).toEqual([
      ['JETSTREAM_CLUSTER_TOO_SMALL', { kind: 'cluster', cluster: 'edge', field: 'replicas' }],
    ]);
    // the kind VM stands for us-east's Kubernetes cluster alone, and the budget says so
    const k1 = problems.filter((p) => p.code === 'K1');
    expect(k1).toHaveLength(1);
    expect(k1[0].message).toContain('covers kube context us-east only (clusters us-east, edge)');
    expect(problems.filter((p) => p.code === 'N2')[0].message).toContain('3 NATS servers of 1 cluster');
  });

  it('has everything on: TLS on every protocol, the security switches, monitoring, nats-box and a leaf with its own domain', () => {
    const t = templateById('multi-region')!.topology();
    expect(t.defaults.tls).toEqual({ clients: true, routes: true, gateways: true, leafnodes: true });
    expect(t.security).toEqual({ serverAuth: true, networkPolicy: true, restrictedPods: true });
    expect(t.monitoring).toEqual({ exporter: true });
    expect(t.natsBox).toBe(true);
    expect(t.leafnodes).toEqual([['edge', 'us-east']]);
    expect(t.clusters.map((c) => [c.name, c.kubeContext, c.gateway?.address ?? null, c.domain ?? null])).toEqual([
      ['us-east', 'us-east', 'nats-us-east.example.com', null],
      ['eu-west', 'eu-west', 'nats-eu-west.example.com', null],
      ['ap-south', 'ap-south', 'nats-ap-south.example.com', null],
      ['edge', 'us-east', null, 'edge'],
    ]);
  });
});
