import { describe, expect, it } from 'vitest';
import { MiB } from '../quantity';
import { CONTROL_PLANE_TAINT, kindNodes, schedulingProblems, simulate, systemPods, type PodSpec, type SimNode } from './index';

const VM = { cpuMillis: 4000, memoryBytes: 8192 * MiB };

/** A kind cluster with its system pods already bound. */
function kind(workers: number): { nodes: SimNode[]; system: PodSpec[] } {
  const nodes = kindNodes(workers, VM);
  return { nodes, system: systemPods(nodes) };
}

/** `n` replicas of a small workload; `extra` adds scheduling properties to each. */
function replicas(workload: string, n: number, extra: Partial<PodSpec> = {}): PodSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `${workload}-${i}`,
    workload,
    origin: 'other' as const,
    requests: { cpuMillis: 100, memoryBytes: 64 * MiB },
    limits: { cpuMillis: 0, memoryBytes: 0 },
    ...extra,
  }));
}

const placedOn = (p: ReturnType<typeof simulate>, node: string) =>
  p.nodes
    .find((s) => s.node.name === node)!
    .pods.filter((x) => x.origin !== 'system')
    .map((x) => x.name);

describe('kind nodes and system pods', () => {
  it('single node: an untainted control plane with 9 pods, 950m/290Mi requests, 100m/390Mi limits', () => {
    // given / when
    const { nodes, system } = kind(0);
    const p = simulate(nodes, system);
    // then
    expect(nodes).toHaveLength(1);
    expect(nodes[0].taints).toEqual([]);
    expect(p.nodes[0].pods).toHaveLength(9);
    expect(p.nodes[0].requests).toEqual({ cpuMillis: 950, memoryBytes: 290 * MiB });
    expect(p.nodes[0].limits).toEqual({ cpuMillis: 100, memoryBytes: 390 * MiB });
  });

  it('multi-node: a tainted control plane and workers with kindnet and kube-proxy, 100m/50Mi each', () => {
    // given / when
    const { nodes, system } = kind(2);
    const p = simulate(nodes, system);
    // then
    expect(nodes.map((n) => n.name)).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(nodes[0].taints).toEqual([{ key: CONTROL_PLANE_TAINT, effect: 'NoSchedule' }]);
    expect(p.nodes[0].requests).toEqual({ cpuMillis: 950, memoryBytes: 290 * MiB });
    expect(p.nodes[1].pods).toHaveLength(2);
    expect(p.nodes[1].requests).toEqual({ cpuMillis: 100, memoryBytes: 50 * MiB });
  });
});

describe('simulate', () => {
  it('places bigger requests first and leaves the smaller pods Pending when memory runs out', () => {
    // given 1 node with 1000Mi free after the baseline, a 900Mi pod listed after two 400Mi pods
    const nodes = kindNodes(0, { cpuMillis: 4000, memoryBytes: 1290 * MiB });
    const small = replicas('small', 2, { requests: { cpuMillis: 100, memoryBytes: 400 * MiB } });
    const big = replicas('big', 1, { requests: { cpuMillis: 500, memoryBytes: 900 * MiB } });
    // when
    const p = simulate(nodes, [...systemPods(nodes), ...small, ...big]);
    // then
    expect(placedOn(p, 'kind-control-plane')).toEqual(['big-0']);
    expect(p.pending.map((x) => x.pod.name)).toEqual(['small-0', 'small-1']);
    expect(p.pending[0].reason).toBe('0/1 nodes are available: 1 Insufficient memory.');
    expect(p.pending[0].explanation).toBe('not enough free memory (needs 400Mi)');
  });

  it('orders equal pods by name with numbers as numbers, so the highest ordinals stay Pending', () => {
    // given room for 10 of 12 equal pods
    const nodes = kindNodes(0, { cpuMillis: 1950, memoryBytes: 8192 * MiB });
    // when
    const p = simulate(nodes, [...systemPods(nodes), ...replicas('w', 12)]);
    // then
    expect(p.pending.map((x) => x.pod.name)).toEqual(['w-10', 'w-11']);
    expect(p.pending[0].reason).toBe('0/1 nodes are available: 1 Insufficient cpu.');
  });

  it('schedules BestEffort pods on a full node', () => {
    // given a node with no CPU left
    const nodes = kindNodes(0, { cpuMillis: 950, memoryBytes: 8192 * MiB });
    const be = replicas('be', 1, { requests: { cpuMillis: 0, memoryBytes: 0 } });
    // when
    const p = simulate(nodes, [...systemPods(nodes), ...be]);
    // then
    expect(p.pending).toEqual([]);
  });

  it('keeps user pods off a tainted control plane and names the taint like the scheduler', () => {
    // given 1 CP + 1 worker with room for one 3000m pod
    const { nodes, system } = kind(1);
    const pods = replicas('big', 2, { requests: { cpuMillis: 3000, memoryBytes: 64 * MiB } });
    // when
    const p = simulate(nodes, [...system, ...pods]);
    // then
    expect(placedOn(p, 'kind-control-plane')).toEqual([]);
    expect(placedOn(p, 'kind-worker')).toEqual(['big-0']);
    expect(p.pending[0].reason).toBe(`0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {${CONTROL_PLANE_TAINT}: }.`);
    expect(p.pending[0].blockers).toEqual(['taint', 'cpu']);
    expect(p.pending[0].explanation).toBe('not enough free CPU (needs 3000m)');
  });

  it('lets a pod that tolerates the control-plane taint land there', () => {
    // given
    const { nodes, system } = kind(1);
    const pod = replicas('tolerant', 1, { tolerations: [CONTROL_PLANE_TAINT], requests: { cpuMillis: 3000, memoryBytes: 0 } });
    const filler = replicas('filler', 1, { requests: { cpuMillis: 3800, memoryBytes: 0 } });
    // when
    const p = simulate(nodes, [...system, ...filler, ...pod]);
    // then
    expect(placedOn(p, 'kind-worker')).toEqual(['filler-0']);
    expect(placedOn(p, 'kind-control-plane')).toEqual(['tolerant-0']);
  });

  it('spreads a ScheduleAnyway workload evenly over the workers', () => {
    // given 1 CP + 3 workers and 6 spread replicas
    const { nodes, system } = kind(3);
    const pods = replicas('s', 6, { spread: { maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway', nodeTaintsPolicy: 'Honor' } });
    // when
    const p = simulate(nodes, [...system, ...pods]);
    // then
    expect(['kind-worker', 'kind-worker2', 'kind-worker3'].map((n) => placedOn(p, n).length)).toEqual([2, 2, 2]);
  });

  it('refuses a pod bound to a node that does not exist', () => {
    // given
    const { nodes } = kind(0);
    const pod = replicas('x', 1, { nodeName: 'nowhere' });
    // when / then
    expect(() => simulate(nodes, pod)).toThrow(/unknown node nowhere/);
  });
});

describe('S3: required anti-affinity', () => {
  it('leaves replicas beyond the node count Pending and reports S3 once for the workload', () => {
    // given a single node and 3 replicas with required anti-affinity
    const { nodes, system } = kind(0);
    // when
    const p = simulate(nodes, [...system, ...replicas('db', 3, { antiAffinity: true })]);
    const problems = schedulingProblems(p);
    // then
    expect(p.pending.map((x) => x.pod.name)).toEqual(['db-1', 'db-2']);
    expect(p.pending[0].reason).toBe("0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules.");
    const s3 = problems.filter((x) => x.code === 'S3');
    expect(s3).toHaveLength(1);
    expect(s3[0]).toMatchObject({ severity: 'error', target: { kind: 'kind', field: 'otherWorkloads' } });
    expect(s3[0].message).toContain('2 of 3 replicas');
  });

  it('does not fire when there is a node per replica', () => {
    // given 1 CP + 3 workers
    const { nodes, system } = kind(3);
    // when
    const p = simulate(nodes, [...system, ...replicas('db', 3, { antiAffinity: true })]);
    // then
    expect(p.pending).toEqual([]);
    expect(schedulingProblems(p).map((x) => x.code)).not.toContain('S3');
  });
});

describe('S4: DoNotSchedule topology spread', () => {
  const hard = { maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' as const, nodeTaintsPolicy: 'Ignore' as const };

  it('with nodeTaintsPolicy Ignore, the empty tainted control plane caps each worker at maxSkew (k8s#116118)', () => {
    // given 1 CP + 2 workers and two NATS-like clusters of 3 with hard spread
    const { nodes, system } = kind(2);
    const pods = [...replicas('nats-a', 3, { spread: hard }), ...replicas('nats-b', 3, { spread: hard })].map((x) => ({
      ...x,
      origin: 'nats' as const,
      cluster: x.workload.slice(5),
    }));
    // when
    const p = simulate(nodes, [...system, ...pods]);
    const s4 = schedulingProblems(p).filter((x) => x.code === 'S4');
    // then: 2 of the 6 pods Pending, one per cluster, as the worked example says
    expect(p.pending.map((x) => x.pod.name)).toEqual(['nats-a-2', 'nats-b-2']);
    expect(p.pending[0].reason).toBe(
      `0/3 nodes are available: 1 node(s) had untolerated taint {${CONTROL_PLANE_TAINT}: }, 2 node(s) didn't match pod topology spread constraints.`,
    );
    expect(s4.map((x) => x.target)).toEqual([
      { kind: 'cluster', cluster: 'a', field: 'replicas' },
      { kind: 'cluster', cluster: 'b', field: 'replicas' },
    ]);
    expect(s4[0].message).toContain('empty domain');
    expect(s4[0].fix).toContain('nodeTaintsPolicy: Honor');
  });

  it('with nodeTaintsPolicy Honor, the same pods all schedule', () => {
    // given
    const { nodes, system } = kind(2);
    // when
    const p = simulate(nodes, [...system, ...replicas('s', 4, { spread: { ...hard, nodeTaintsPolicy: 'Honor' } })]);
    // then
    expect(p.pending).toEqual([]);
    expect(schedulingProblems(p).map((x) => x.code)).not.toContain('S4');
  });

  it('never blocks on a single node', () => {
    // given
    const { nodes, system } = kind(0);
    // when
    const p = simulate(nodes, [...system, ...replicas('s', 5, { spread: hard })]);
    // then
    expect(p.pending).toEqual([]);
  });

  it('blocks when minDomains exceeds the eligible nodes', () => {
    // given a single node and minDomains 2
    const { nodes, system } = kind(0);
    // when
    const p = simulate(nodes, [...system, ...replicas('s', 3, { spread: { ...hard, minDomains: 2 } })]);
    // then: the minimum counts as 0, so the node takes maxSkew pods
    expect(p.pending.map((x) => x.pod.name)).toEqual(['s-1', 's-2']);
    expect(schedulingProblems(p).find((x) => x.code === 'S4')?.message).toContain('minDomains 2');
  });
});

describe('S5: hostPort', () => {
  const port = { hostPorts: [{ port: 4222, protocol: 'TCP' as const }] };

  it('fits one pod per node on a hostPort', () => {
    // given a single node and 2 replicas on hostPort 4222
    const { nodes, system } = kind(0);
    // when
    const p = simulate(nodes, [...system, ...replicas('nats', 2, port)]);
    const s5 = schedulingProblems(p).filter((x) => x.code === 'S5');
    // then
    expect(p.pending.map((x) => x.pod.name)).toEqual(['nats-1']);
    expect(p.pending[0].reason).toBe("0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports.");
    expect(s5).toHaveLength(1);
    expect(s5[0].message).toContain('4222/TCP');
  });

  it('names the other workload when two workloads share a hostPort', () => {
    // given two workloads on 4222/TCP; the bigger one goes first
    const { nodes, system } = kind(0);
    const first = replicas('gateway', 1, { ...port, requests: { cpuMillis: 500, memoryBytes: 64 * MiB } });
    // when
    const p = simulate(nodes, [...system, ...first, ...replicas('nats', 1, port)]);
    // then
    expect(schedulingProblems(p).find((x) => x.code === 'S5')?.message).toContain('gateway uses the same hostPort');
  });

  it('does not fire on different ports or protocols', () => {
    // given
    const { nodes, system } = kind(0);
    const udp = replicas('dns', 1, { hostPorts: [{ port: 4222, protocol: 'UDP' }] });
    // when
    const p = simulate(nodes, [...system, ...replicas('nats', 1, port), ...udp]);
    // then
    expect(p.pending).toEqual([]);
  });
});

describe('S6: maxPods', () => {
  it('leaves pods beyond the pod cap Pending', () => {
    // given a node that takes 12 pods, 9 of them kind's own
    const nodes = kindNodes(0, VM).map((n) => ({ ...n, maxPods: 12 }));
    // when
    const p = simulate(nodes, [...systemPods(nodes), ...replicas('w', 5)]);
    const s6 = schedulingProblems(p).filter((x) => x.code === 'S6');
    // then
    expect(p.pending.map((x) => x.pod.name)).toEqual(['w-3', 'w-4']);
    expect(p.pending[0].reason).toBe('0/1 nodes are available: 1 Too many pods.');
    expect(s6).toHaveLength(1);
    expect(s6[0].message).toContain('kind-control-plane (12/12)');
  });

  it('does not fire under the default 110', () => {
    // given
    const { nodes, system } = kind(0);
    // when
    const p = simulate(nodes, [...system, ...replicas('w', 101).map((x) => ({ ...x, requests: { cpuMillis: 0, memoryBytes: 0 } }))]);
    // then
    expect(p.pending).toEqual([]);
    expect(schedulingProblems(p).map((x) => x.code)).not.toContain('S6');
  });
});
