import { describe, expect, it } from 'vitest';
import { parseTopology, serializeTopology, templateById, type Topology } from '../../core';
import { applyFieldEdit, isOverridden, readField } from './field-edit';

function noetl(): Topology {
  return templateById('noetl')!.topology();
}

function ok(result: ReturnType<typeof applyFieldEdit>): Topology {
  if (!result.ok) throw new Error(result.message);
  return result.topology;
}

describe('inspector field edits', () => {
  it('sets a cluster override and clears it back to the default', () => {
    const t = noetl();
    const over = ok(applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'resources.limits.memory' }, '3Gi'));
    expect(over.clusters[0].resources).toEqual({ limits: { memory: '3Gi' } });
    expect(isOverridden(over, 'a', 'resources.limits.memory')).toBe(true);
    expect(readField(over, { scope: 'cluster', id: 'a', field: 'resources.limits.memory' })).toBe('3Gi');
    const back = ok(applyFieldEdit(over, { scope: 'cluster', id: 'a', field: 'resources.limits.memory' }, ''));
    expect(back.clusters[0].resources).toBeUndefined();
    expect(readField(back, { scope: 'cluster', id: 'a', field: 'resources.limits.memory' })).toBe('2Gi');
  });

  it('shares untouched parts of the topology', () => {
    const t = noetl();
    const next = ok(applyFieldEdit(t, { scope: 'cluster', id: 'b', field: 'replicas' }, '5'));
    expect(next.clusters[0]).toBe(t.clusters[0]);
    expect(next.kind).toBe(t.kind);
    expect(next.clusters[1].replicas).toBe(5);
  });

  it('returns the parser message for the field and changes nothing', () => {
    const t = noetl();
    const bad = applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'jetstream.fileStore' }, '4 gigs');
    expect(bad).toEqual({ ok: false, message: '"4 gigs" is not a Kubernetes quantity (for example 1Gi)' });
    const kind = applyFieldEdit(t, { scope: 'kind', field: 'cpus' }, '0');
    expect(kind.ok).toBe(false);
    expect(!kind.ok && kind.message).toMatch(/whole number from 1/);
  });

  it('applies the preset of a newly chosen provider', () => {
    const next = ok(applyFieldEdit(noetl(), { scope: 'kind', field: 'provider' }, 'colima'));
    expect(next.kind).toMatchObject({ provider: 'colima', cpus: 2, memory: '2Gi', disk: '100Gi' });
  });

  it('edits region and zone as nullable text, and users as a list', () => {
    let t = ok(applyFieldEdit(noetl(), { scope: 'cluster', id: 'a', field: 'zone' }, 'us-east-1a'));
    t = ok(applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'region' }, ''));
    expect(t.clusters[0]).toMatchObject({ region: null, zone: 'us-east-1a' });
    t = ok(applyFieldEdit(t, { scope: 'account', id: 0, field: 'users' }, 'alice, bob  carol'));
    expect(t.accounts[0].users).toEqual(['alice', 'bob', 'carol']);
    t = ok(applyFieldEdit(t, { scope: 'topology', field: 'jetstream.domain' }, 'hub'));
    expect(t.jetstream.domain).toBe('hub');
  });

  it('always yields what the parser would: the committed topology reparses to itself', () => {
    let t = noetl();
    t = ok(applyFieldEdit(t, { scope: 'cluster', id: 'b', field: 'jetstream.storageClass' }, 'fast'));
    t = ok(applyFieldEdit(t, { scope: 'workload', id: 0, field: 'limits.cpu' }, ''));
    t = ok(applyFieldEdit(t, { scope: 'defaults', field: 'replicas' }, '5'));
    const again = parseTopology(JSON.parse(JSON.stringify(t)));
    expect(again.ok && again.topology).toEqual(t);
  });

  it('refuses an edit of a cluster that no longer exists', () => {
    expect(applyFieldEdit(noetl(), { scope: 'cluster', id: 'zz', field: 'replicas' }, '3').ok).toBe(false);
  });
});

describe('placement and security fields', () => {
  it('sets a gateway key inside a whole exposure, reads it back, and clears a kube context to none', () => {
    let t = ok(applyFieldEdit(noetl(), { scope: 'cluster', id: 'a', field: 'gateway.address' }, 'nats-a.example.com'));
    expect(t.clusters[0].gateway).toEqual({ service: 'LoadBalancer', address: 'nats-a.example.com', nodePort: null });
    t = ok(applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'gateway.service' }, 'NodePort'));
    t = ok(applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'gateway.nodePort' }, '30722'));
    expect(t.clusters[0].gateway).toEqual({ service: 'NodePort', address: 'nats-a.example.com', nodePort: 30722 });
    expect(readField(t, { scope: 'cluster', id: 'a', field: 'gateway.nodePort' })).toBe('30722');
    expect(readField(t, { scope: 'cluster', id: 'b', field: 'gateway.service' })).toBe('LoadBalancer');
    const bad = applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'gateway.nodePort' }, '80');
    expect(bad).toEqual({ ok: false, message: 'must be a whole number from 30000 to 32767, not 80' });
    t = ok(applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'kubeContext' }, 'prod'));
    t = ok(applyFieldEdit(t, { scope: 'cluster', id: 'a', field: 'kubeContext' }, ''));
    expect(t.clusters[0].kubeContext).toBeNull();
  });

  it('turns a security switch on and off; all off reads as absent', () => {
    const ref = { scope: 'topology', field: 'security.serverAuth' } as const;
    expect(readField(noetl(), ref)).toBe(false);
    const on = ok(applyFieldEdit(noetl(), ref, true));
    expect(readField(on, ref)).toBe(true);
    expect(on.security).toEqual({ serverAuth: true, networkPolicy: false, restrictedPods: false });
    expect(serializeTopology(on)).toContain('security:\n  serverAuth: true\n');
    const off = ok(applyFieldEdit(on, ref, false));
    expect(serializeTopology(off)).toBe(serializeTopology(noetl()));
  });
});
