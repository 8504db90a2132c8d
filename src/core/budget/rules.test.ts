import { describe, expect, it } from 'vitest';
import type { Problem } from '../problems';
import type { Topology } from '../model';
import { TEMPLATES, templateById } from '../templates/index';
import { budget } from './index';

/** The NoETL 2×3 template on podman 4 CPU / 8Gi, single node, without its core stack unless asked. */
function noetl(change: (t: Topology) => void = () => {}): Topology {
  const t = templateById('noetl')!.topology();
  t.kind.otherWorkloads = [];
  change(t);
  return t;
}

const problems = (t: Topology, code: string): Problem[] => budget(t).problems.filter((p) => p.code === code);

describe('S1: a pod larger than any node', () => {
  it('fires once per cluster whose pods can never fit, and leaves them out of S2', () => {
    // given servers requesting 9Gi on an 8Gi VM
    const t = noetl((x) => (x.clusters[1].resources = { requests: { memory: '9Gi' }, limits: { memory: '9Gi' } }));
    // when
    const s1 = problems(t, 'S1');
    // then
    expect(s1).toHaveLength(1);
    expect(s1[0]).toMatchObject({ severity: 'error', target: { kind: 'cluster', cluster: 'b', field: 'resources.requests.memory' } });
    expect(s1[0].message).toContain('9216Mi');
    expect(problems(t, 'S2')).toEqual([]);
  });

  it('does not fire when every pod fits an empty node', () => {
    expect(problems(noetl(), 'S1')).toEqual([]);
  });
});

describe('S2: pods Pending for lack of CPU or memory', () => {
  it('fires once, listing every Pending pod', () => {
    // given 6 × 250m on 2 CPUs with 950m taken by kind
    const t = noetl((x) => (x.kind.cpus = 2));
    // when
    const s2 = problems(t, 'S2');
    // then: 1050m free takes 4 pods
    expect(s2).toHaveLength(1);
    expect(s2[0]).toMatchObject({ severity: 'error', target: { kind: 'kind', field: 'cpus' } });
    expect(s2[0].message).toContain('2 pods will be Pending for lack of CPU: nats-b-1, nats-b-2');
    expect(s2[0].message).toContain('Insufficient cpu');
  });

  it('does not fire when everything fits', () => {
    expect(problems(noetl(), 'S2')).toEqual([]);
  });
});

describe('S7: node almost full of requests', () => {
  it('fires at 85% or more of a node', () => {
    // given another workload taking the CPU to 2450 + 1000 = 3450m (86.3%)
    const t = noetl((x) => x.kind.otherWorkloads.push({ name: 'app', replicas: 1, requests: { cpu: '1' }, limits: {} }));
    // when / then
    expect(problems(t, 'S7')[0].message).toContain('86.3% of CPU');
  });

  it('does not fire at 61%', () => {
    expect(problems(noetl(), 'S7')).toEqual([]);
  });
});

describe('S8: NATS only on workers', () => {
  it('fires once on a multi-node cluster and lists the placement', () => {
    // given
    const t = noetl((x) => (x.kind.workers = 2));
    // when
    const s8 = problems(t, 'S8');
    // then
    expect(s8).toHaveLength(1);
    expect(s8[0].severity).toBe('info');
    expect(s8[0].message).toMatch(/kind-worker: nats-\w-\d/);
  });

  it('does not fire on a single node', () => {
    expect(problems(noetl(), 'S8')).toEqual([]);
  });
});

describe('H1 and H1w: memory requests against the real VM', () => {
  it('H1: multi-node requests beyond the usable VM memory are an error', () => {
    // given 3 workers on 4Gi: usable 4096 − 512 − 4·300 − 500 = 1884Mi, requests 440 + 3072Mi
    const t = noetl((x) => {
      x.kind.workers = 3;
      x.kind.memory = '4Gi';
    });
    // when
    const b = budget(t);
    // then: every node looks fine, the VM does not
    expect(b.pending).toEqual([]);
    const h1 = b.problems.filter((p) => p.code === 'H1');
    expect(h1).toHaveLength(1);
    expect(h1[0]).toMatchObject({ severity: 'error', target: { kind: 'kind', field: 'memory' } });
    expect(h1[0].fix).toContain('systemReserved');
    expect(b.problems.map((p) => p.code)).not.toContain('H1w');
  });

  it('H1 never fires on a single node; H1w warns above 80% of the usable memory there', () => {
    // given requests 3362 + 2200Mi = 5562Mi of 6880Mi usable (80.8%)
    const t = noetl((x) => x.kind.otherWorkloads.push({ name: 'db', replicas: 1, requests: { memory: '2200Mi' }, limits: {} }));
    // when
    const b = budget(t);
    // then
    expect(b.problems.map((p) => p.code)).not.toContain('H1');
    const h1w = b.problems.filter((p) => p.code === 'H1w');
    expect(h1w).toHaveLength(1);
    expect(h1w[0].severity).toBe('warning');
    expect(h1w[0].message).toContain('80.8%');
  });

  it('neither fires with headroom', () => {
    const codes = budget(noetl()).problems.map((p) => p.code);
    expect(codes).not.toContain('H1');
    expect(codes).not.toContain('H1w');
  });
});

describe('H2: CPU requests beyond the VM (multi-node)', () => {
  it('fires when the nodes together request more than the VM has', () => {
    // given 2 CPUs, 2 workers: 950 + 200 + 1500 = 2650m
    const t = noetl((x) => {
      x.kind.cpus = 2;
      x.kind.workers = 2;
    });
    // when
    const h2 = problems(t, 'H2');
    // then
    expect(h2).toHaveLength(1);
    expect(h2[0].message).toContain('2650m');
  });

  it('does not fire on a single node, where the scheduler refuses instead', () => {
    expect(
      problems(
        noetl((x) => (x.kind.cpus = 2)),
        'H2',
      ),
    ).toEqual([]);
  });
});

describe('H3 and H4: limits against the VM', () => {
  it('do not fire when limits fit', () => {
    // given limits 500m / 512Mi: 3100m and 3462Mi
    const t = noetl((x) => (x.defaults.resources.limits = { cpu: '500m', memory: '512Mi' }));
    // when
    const codes = budget(t).problems.map((p) => p.code);
    // then
    expect(codes).not.toContain('H3');
    expect(codes).not.toContain('H4');
  });

  it('H4 is info', () => {
    expect(problems(noetl(), 'H4')[0].severity).toBe('info');
  });
});

describe('H5: VM at the provider default', () => {
  it('fires with the resize command when the size is a documented default', () => {
    // given podman at 4 CPUs / 2Gi
    const t = noetl((x) => (x.kind.memory = '2Gi'));
    // when
    const h5 = problems(t, 'H5');
    // then
    expect(h5).toHaveLength(1);
    expect(h5[0].fix).toContain('podman machine set');
    expect(budget(t).vm.atProviderDefault).toBe(true);
  });

  it('does not fire for a guessed preset or a resized VM', () => {
    // given Docker Desktop's preset, which is our guess, and podman resized to 8Gi
    const docker = noetl((x) => (x.kind.provider = 'docker-desktop'));
    // when / then
    expect(budget(docker).vm.atProviderDefault).toBe(true);
    expect(problems(docker, 'H5')).toEqual([]);
    expect(problems(noetl(), 'H5')).toEqual([]);
  });
});

describe('M5: memory stores against the VM', () => {
  it('fires once when all stores exceed half the usable memory', () => {
    // given 6 × 1Gi against 6880Mi usable
    const m5 = problems(noetl(), 'M5');
    expect(m5).toHaveLength(1);
    expect(m5[0].message).toContain('6 GiB');
  });

  it('does not fire with small stores', () => {
    expect(
      problems(
        noetl((x) => (x.defaults.jetstream.memoryStore = '256Mi')),
        'M5',
      ),
    ).toEqual([]);
  });
});

describe('D1: VM disk', () => {
  it('warns above 70% of the disk and says "high" above 100%', () => {
    // given 27Gi needed (24Gi file store, 1Gi images, 2Gi etcd/logs)
    const warn = problems(
      noetl((x) => (x.kind.disk = '30Gi')),
      'D1',
    );
    const high = problems(
      noetl((x) => (x.kind.disk = '20Gi')),
      'D1',
    );
    // then
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatchObject({ severity: 'warning', target: { kind: 'kind', field: 'disk' } });
    expect(warn[0].message).toContain('27 GiB');
    expect(warn[0].message).toContain('90%');
    expect(high[0].message).toMatch(/^High/);
  });

  it('does not fire on a 100Gi disk', () => {
    expect(problems(noetl(), 'D1')).toEqual([]);
  });
});

describe('D3: local-path ignores PVC sizes', () => {
  it('fires once for the whole topology', () => {
    const d3 = problems(noetl(), 'D3');
    expect(d3).toHaveLength(1);
    expect(d3[0].severity).toBe('info');
  });

  it('does not fire without JetStream or when no claim uses the default class', () => {
    expect(
      problems(
        noetl((x) => (x.jetstream.enabled = false)),
        'D3',
      ),
    ).toEqual([]);
    expect(
      problems(
        noetl((x) => (x.defaults.jetstream.storageClass = 'fast')),
        'D3',
      ),
    ).toEqual([]);
  });
});

describe('N1: fewer than 3 servers with JetStream', () => {
  it('fires for each small cluster', () => {
    // given
    const t = noetl((x) => (x.clusters[0].replicas = 1));
    // when
    const n1 = problems(t, 'N1');
    // then
    expect(n1).toEqual([expect.objectContaining({ severity: 'info', target: { kind: 'cluster', cluster: 'a', field: 'replicas' } })]);
    expect(n1[0].fix).toBe('Use stream replicas ≤ 1.');
  });

  it('does not fire for 3 servers or without JetStream', () => {
    expect(problems(noetl(), 'N1')).toEqual([]);
    expect(
      problems(
        noetl((x) => {
          x.jetstream.enabled = false;
          x.clusters[0].replicas = 1;
        }),
        'N1',
      ),
    ).toEqual([]);
  });
});

describe('N2: a cluster on one node', () => {
  it('on a single node says it once for all clusters', () => {
    const n2 = problems(noetl(), 'N2');
    expect(n2).toHaveLength(1);
    expect(n2[0]).toMatchObject({ severity: 'info', target: { kind: 'kind', field: 'workers' } });
    expect(n2[0].message).toContain('6 NATS servers of 2 clusters');
  });

  it('on several nodes fires per cluster whose servers all landed on one worker', () => {
    // given a workload that fills kind-worker, so NATS can only use kind-worker2
    const t = noetl((x) => {
      x.kind.workers = 2;
      x.kind.otherWorkloads = [{ name: 'hog', replicas: 1, requests: { cpu: '3800m' }, limits: {} }];
    });
    // when
    const n2 = problems(t, 'N2');
    // then
    expect(n2.map((p) => p.target)).toEqual([
      { kind: 'cluster', cluster: 'a', field: 'replicas' },
      { kind: 'cluster', cluster: 'b', field: 'replicas' },
    ]);
  });

  it('does not fire when servers are spread', () => {
    expect(
      problems(
        noetl((x) => (x.kind.workers = 2)),
        'N2',
      ),
    ).toEqual([]);
  });
});

describe('K1: a design over several kube contexts', () => {
  it("budgets the first cluster's context only, and says which clusters it left out", () => {
    // given NoETL's a in kube context east and b in west, on a 3Gi VM that holds one 3-server cluster but not two
    const t = noetl((x) => {
      x.kind.memory = '3Gi';
      x.clusters[0].kubeContext = 'east';
      x.clusters[1].kubeContext = 'west';
    });
    const together = noetl((x) => (x.kind.memory = '3Gi'));
    // when
    const b = budget(t);
    // then: only a's servers are placed on the VM, and K1 names b and its context
    expect(b.nodes.flatMap((n) => n.natsPods)).toEqual(['nats-a-0', 'nats-a-1', 'nats-a-2']);
    expect(problems(t, 'K1').map((p) => [p.severity, p.message])).toEqual([
      ['info', 'The design spans 2 Kubernetes clusters; the kind budget covers kube context east only (clusters a); clusters b run in kube contexts west.'],
    ]);
    // the same design in one Kubernetes cluster is budgeted whole, without K1, and does not fit
    expect(problems(together, 'K1')).toEqual([]);
    expect(budget(together).problems.filter((p) => p.severity === 'error').length).toBeGreaterThan(0);
    expect(b.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('rules that cannot fire for what we render', () => {
  it('never emits M2, M3 or D2 (we always render GOMEMLIMIT, max_memory_store and max_file_store)', () => {
    // given every template, and one without a memory limit
    const all = [...TEMPLATES.map((t) => t.topology()), noetl((x) => (x.defaults.resources.limits = {}))];
    // when
    const codes = all.flatMap((t) => budget(t).problems.map((p) => p.code));
    // then
    expect(codes).not.toContain('M2');
    expect(codes).not.toContain('M3');
    expect(codes).not.toContain('D2');
  });

  it('keeps the topology’s own pods clear of S3–S6', () => {
    const codes = TEMPLATES.flatMap((t) => budget({ ...t.topology(), kind: { ...t.topology().kind, workers: 2 } }).problems.map((p) => p.code));
    for (const code of ['S3', 'S4', 'S5', 'S6']) expect(codes).not.toContain(code);
  });
});

describe('S7 on many nodes', () => {
  it('gives one warning that lists every full node', () => {
    // given 2 workers, each nearly full of CPU: 6 × 1200m spread 3 and 3, plus kindnet's 100m
    const t = noetl((x) => {
      x.kind.workers = 2;
      x.defaults.resources.requests = { cpu: '1200m', memory: '512Mi' };
    });
    // when
    const s7 = problems(t, 'S7');
    // then
    expect(s7).toHaveLength(1);
    expect(s7[0].message).toBe('Requested after placement: kind-worker has 92.5% of CPU (3700m of 4000m), kind-worker2 has 92.5% of CPU (3700m of 4000m).');
  });
});

describe('one usable memory figure in every text', () => {
  it('H1w, H3 and M5 name the usable memory the same way, never as "VM <usable>"', () => {
    // given one default cluster on podman's default 2Gi VM: 736Mi usable by pods
    const t = noetl((x) => {
      x.kind.memory = '2Gi';
      x.clusters = [x.clusters[0]];
      x.gateways = [];
    });
    // when
    const b = budget(t);
    const texts = b.problems.filter((p) => ['H1w', 'H3', 'M5'].includes(p.code)).flatMap((p) => [p.message, p.fix]);
    // then
    expect(b.vm.memoryUsableBytes).toBe(736 * 2 ** 20);
    expect(texts.filter((s) => s.includes('736Mi'))).toHaveLength(5);
    for (const text of texts.filter((s) => s.includes('736Mi'))) expect(text).toContain('736Mi usable by pods');
    expect(texts.join(' ')).not.toMatch(/VM (memory )?736Mi|~736Mi/);
  });
});
