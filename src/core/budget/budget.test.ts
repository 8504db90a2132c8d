import { describe, expect, it } from 'vitest';
import { MiB } from '../quantity';
import { templateById } from '../templates/index';
import type { Topology } from '../model';
import { budget, percentOf } from './index';

/** The NoETL 2×3 template on podman 4 CPU / 8Gi, single node, with or without its core stack. */
function noetl(withCore = false): Topology {
  const t = templateById('noetl')!.topology();
  if (!withCore) t.kind.otherWorkloads = [];
  return t;
}

const codes = (t: Topology) => budget(t).problems.map((p) => p.code);

describe('the worked example of docs/kind-budget.md: NoETL 2×3 on single-node kind, podman 4 CPU / 8Gi', () => {
  it('requests 2450m and 3362Mi on the one node, 61.3% and 41.0%', () => {
    // given the template without other workloads
    const t = noetl();
    // when
    const b = budget(t);
    // then
    expect(b.nodes).toHaveLength(1);
    const [node] = b.nodes;
    expect(node.name).toBe('kind-control-plane');
    expect(node.requests).toEqual({ cpuMillis: 2450, memoryBytes: 3362 * MiB });
    expect(node.requestPercent).toEqual({ cpu: 61.3, memory: 41 });
    expect(percentOf(node.requests.cpuMillis, node.allocatable.cpuMillis)).toBe(61.3);
    expect(node.pods).toBe(9 + 6);
    expect(node.natsPods).toEqual(['nats-a-0', 'nats-a-1', 'nats-a-2', 'nats-b-0', 'nats-b-1', 'nats-b-2']);
    expect(b.pending).toEqual([]);
  });

  it('splits the requests into kind baseline and NATS', () => {
    // given / when
    const b = budget(noetl());
    // then
    expect(b.totals.systemRequests).toEqual({ cpuMillis: 950, memoryBytes: 290 * MiB });
    expect(b.totals.natsRequests).toEqual({ cpuMillis: 1500, memoryBytes: 3072 * MiB });
    expect(b.totals.otherRequests).toEqual({ cpuMillis: 0, memoryBytes: 0 });
    expect(b.totals.requests).toEqual(b.nodes[0].requests);
  });

  it('limits total 6100m and 12678Mi and warn with H3, not "high"', () => {
    // given / when
    const b = budget(noetl());
    // then
    expect(b.totals.limits).toEqual({ cpuMillis: 6100, memoryBytes: 12678 * MiB });
    expect(b.totals.limitPercent).toEqual({ cpu: 152.5, memory: 154.8 });
    const h3 = b.problems.find((p) => p.code === 'H3');
    expect(h3?.severity).toBe('warning');
    expect(h3?.message).toContain('12678Mi');
    expect(h3?.message).not.toMatch(/^High/);
    expect(codes(noetl())).toContain('H4');
  });

  it('with the noetl-core workload, requests 3750m and 5186Mi and warns S7 at 93.8% CPU', () => {
    // given the template as shipped
    const t = noetl(true);
    // when
    const b = budget(t);
    // then
    expect(b.nodes[0].requests).toEqual({ cpuMillis: 3750, memoryBytes: 5186 * MiB });
    expect(b.nodes[0].requestPercent).toEqual({ cpu: 93.8, memory: 63.3 });
    expect(b.totals.limits).toEqual({ cpuMillis: 12300, memoryBytes: 20998 * MiB });
    const s7 = b.problems.find((p) => p.code === 'S7');
    expect(s7).toMatchObject({ severity: 'warning', target: { kind: 'kind', field: 'cpus' } });
    expect(s7?.message).toContain('93.8%');
    expect(b.problems.find((p) => p.code === 'H3')?.message).toMatch(/^High/);
    expect(b.pending).toEqual([]);
  });

  it('at podman’s default 2Gi leaves at least 3 NATS pods Pending and reports S2', () => {
    // given
    const t = noetl(true);
    t.kind.memory = '2Gi';
    // when
    const b = budget(t);
    // then
    const natsPending = b.pending.filter((p) => p.pod.startsWith('nats-'));
    expect(natsPending.length).toBeGreaterThanOrEqual(3);
    expect(natsPending[0]).toMatchObject({ reason: '0/1 nodes are available: 1 Insufficient memory.', blockers: ['memory'] });
    const s2 = b.problems.find((p) => p.code === 'S2');
    expect(s2).toMatchObject({ severity: 'error', target: { kind: 'kind', field: 'memory' } });
    expect(s2?.message).toContain(natsPending[0].pod);
    expect(codes(t)).toContain('H5');
  });

  it('on 1 control plane + 2 workers puts 3 NATS pods on each worker: 850m / 1586Mi, host 2650m', () => {
    // given
    const t = noetl();
    t.kind.workers = 2;
    // when
    const b = budget(t);
    // then
    expect(b.nodes.map((n) => n.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    const [cp, w1, w2] = b.nodes;
    expect(cp).toMatchObject({ role: 'control-plane', schedulable: false, natsPods: [], pods: 9 });
    expect(cp.requests).toEqual({ cpuMillis: 950, memoryBytes: 290 * MiB });
    for (const w of [w1, w2]) {
      expect(w.requests).toEqual({ cpuMillis: 850, memoryBytes: 1586 * MiB });
      expect(w.natsPods).toHaveLength(3);
      expect(w.pods).toBe(5);
    }
    expect(b.totals.requests).toEqual({ cpuMillis: 2650, memoryBytes: 3462 * MiB });
    expect(b.totals.requestPercent.cpu).toBe(66.3);
    expect(b.totals.limitPercent).toEqual({ cpu: 157.5, memory: 156 });
    expect(codes(t)).toContain('S8');
  });
});

describe('budget figures', () => {
  it('takes the assumed overheads off the VM memory: OS, one agent per node, the control plane', () => {
    // given a single node and a 1+2 cluster on 8Gi
    const single = noetl();
    const multi = noetl();
    multi.kind.workers = 2;
    // when / then: 8192 − 512 − 300·N − 500
    expect(budget(single).vm.memoryUsableBytes).toBe(6880 * MiB);
    expect(budget(multi).vm.memoryUsableBytes).toBe(6280 * MiB);
  });

  it('sums JetStream stores over every server and adds images and etcd to the disk need', () => {
    // given 6 servers at 1Gi memory store, 4Gi file store, 5Gi volume
    const b = budget(noetl());
    // then
    expect(b.jetstream).toEqual({
      enabled: true,
      servers: 6,
      memoryStoreBytes: 6 * 1024 * MiB,
      fileStoreBytes: 24 * 1024 * MiB,
      volumeBytes: 30 * 1024 * MiB,
      diskNeededBytes: (24 + 1 + 2) * 1024 * MiB,
    });
  });

  it('claims no JetStream storage when JetStream is off', () => {
    // given
    const t = noetl();
    t.jetstream.enabled = false;
    // when
    const b = budget(t);
    // then
    expect(b.jetstream).toMatchObject({ enabled: false, servers: 0, memoryStoreBytes: 0, fileStoreBytes: 0 });
    expect(b.jetstream.diskNeededBytes).toBe(3 * 1024 * MiB);
  });

  it('names other workload pods <name>-<i> and counts them as other requests', () => {
    // given
    const t = noetl();
    t.kind.otherWorkloads = [{ name: 'web', replicas: 2, requests: { cpu: '100m' }, limits: { memory: '64Mi' } }];
    // when
    const b = budget(t);
    // then: a limit without a request becomes the request
    expect(b.totals.otherRequests).toEqual({ cpuMillis: 200, memoryBytes: 128 * MiB });
    expect(b.nodes[0].pods).toBe(9 + 6 + 2);
  });

  it('gives the same output for the same input', () => {
    // given two separately built copies of a busy topology
    const make = () => {
      const t = noetl(true);
      t.kind.memory = '3Gi';
      t.kind.workers = 3;
      return t;
    };
    // when / then
    expect(budget(make())).toEqual(budget(make()));
    expect(JSON.parse(JSON.stringify(budget(make())))).toEqual(budget(make()));
  });

  it('does not depend on the order of other workloads', () => {
    // given
    const a = noetl();
    a.kind.memory = '3Gi';
    a.kind.otherWorkloads = [
      { name: 'x', replicas: 1, requests: { cpu: '100m', memory: '300Mi' }, limits: {} },
      { name: 'y', replicas: 1, requests: { cpu: '100m', memory: '300Mi' }, limits: {} },
    ];
    const b = structuredCopy(a);
    b.kind.otherWorkloads.reverse();
    // when / then
    expect(budget(b).pending).toEqual(budget(a).pending);
    expect(budget(b).nodes).toEqual(budget(a).nodes);
  });
});

function structuredCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

describe('the sidecars and pods the switches add', () => {
  it('counts the exporter sidecar in every server pod and the nats-box pod', () => {
    // given NoETL (6 servers, 250m/512Mi requests, 1 CPU/2Gi limits each) with monitoring and nats-box on
    const t: Topology = { ...noetl(), monitoring: { exporter: true }, natsBox: true };
    // when
    const b = budget(t);
    // then six exporters (10m/32Mi each) and one nats-box (10m/32Mi) are added to the NATS requests
    expect(b.totals.natsRequests).toEqual({ cpuMillis: 1500 + 6 * 10 + 10, memoryBytes: (3072 + 6 * 32 + 32) * MiB });
    // and limits: each pod's limit is the server's plus the exporter's (100m/64Mi); nats-box adds 200m/128Mi
    expect(b.totals.limits.cpuMillis - budget(noetl()).totals.limits.cpuMillis).toBe(6 * 100 + 200);
    expect(b.totals.limits.memoryBytes - budget(noetl()).totals.limits.memoryBytes).toBe((6 * 64 + 128) * MiB);
    expect(b.nodes[0].pods).toBe(9 + 6 + 1);
  });

  it('leaves a pod without a limit when its server has none, whatever the exporter asks', () => {
    // given servers without a CPU limit
    const base = noetl();
    const t: Topology = {
      ...base,
      defaults: { ...base.defaults, resources: { ...base.defaults.resources, limits: { memory: '2Gi' } } },
      monitoring: { exporter: true },
    };
    // then the CPU limits stay unlimited (0), as Kubernetes counts a pod with one unlimited container
    const without = { ...t, monitoring: undefined };
    expect(budget(t).totals.limits.cpuMillis).toBe(budget(without).totals.limits.cpuMillis);
  });
});
