import { describe, expect, it } from 'vitest';
import { codes, topologyFrom } from '../testing';
import { placement } from './placement';
import { factsOf } from '../../check/facts';

const linked = { gateways: [['east', 'west']] };

describe('placement', () => {
  it('reports a cluster that a peer in another Kubernetes cluster dials but that has no gateway address', () => {
    // given: east has an address, west (another context) has none
    const t = topologyFrom({
      ...linked,
      clusters: [
        { name: 'east', kubeContext: 'ctx-east', gateway: { address: 'nats-east.example.com' } },
        { name: 'west', kubeContext: 'ctx-west' },
      ],
    });
    // when
    const problems = placement.check(factsOf(t));
    // then
    expect(problems).toEqual([
      expect.objectContaining({ code: 'GATEWAY_UNREACHABLE', severity: 'error', target: { kind: 'cluster', cluster: 'west', field: 'gateway.address' } }),
    ]);
    expect(problems[0].message).toBe(
      'cluster west runs in kube context "ctx-west" but east in another Kubernetes cluster dials its gateway, and it has no gateway address: they would dial an in-cluster name they cannot reach',
    );
    expect(problems[0].fix).toContain('Give cluster west a gateway address');
  });

  it('accepts clusters in one Kubernetes cluster without addresses, and peers elsewhere with them', () => {
    // given
    const same = topologyFrom({
      ...linked,
      clusters: [
        { name: 'east', kubeContext: 'k' },
        { name: 'west', kubeContext: 'k' },
      ],
    });
    const apart = topologyFrom({
      ...linked,
      clusters: [
        { name: 'east', kubeContext: 'a', gateway: { address: '203.0.113.1' } },
        { name: 'west', gateway: { service: 'NodePort', address: 'west.example.com', nodePort: 30722 } },
      ],
    });
    // when / then
    expect(codes(placement.check(factsOf(same)))).toEqual([]);
    expect(codes(placement.check(factsOf(apart)))).toEqual([]);
  });

  it('reports an address that is no host name, a NodePort without its port and two contexts sharing a folder', () => {
    // given
    const t = topologyFrom({
      clusters: [
        { name: 'east', kubeContext: 'Prod', gateway: { address: 'nats://x:7222' } },
        { name: 'west', kubeContext: 'prod', gateway: { service: 'NodePort', address: 'w.example.com' } },
        { name: 'home', kubeContext: 'default' },
        { name: 'here' },
      ],
    });
    // when
    const problems = placement.check(factsOf(t));
    // then
    expect(codes(problems)).toEqual(['GATEWAY_ADDRESS_INVALID', 'GATEWAY_NODE_PORT_MISSING', 'KUBE_CONTEXT_FOLDER_COLLISION']);
    expect(problems[2].message).toBe('kube contexts "default" and the default context would share the overlay folder overlays/default');
  });
});
