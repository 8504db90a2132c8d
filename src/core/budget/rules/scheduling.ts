/**
 * S1–S8 (docs/kind-budget.md, "The rules"): what the scheduler will do with the pods. They read only a {@link Placement}, so
 * tests can feed them synthetic pods and nodes.
 */

import type { Problem } from '../../problems';
import { formatMi, formatMillis } from '../../quantity';
import { sharesHostPort, toleratesNode } from '../filters';
import type { Blocker, PodSpec, SimNode } from '../pod-spec';
import type { PendingPod, Placement } from '../simulate';
import { percentOf, type Usage } from '../usage';
import { groupBy, listNames, plural, workloadTarget } from './facts';

/** The share of a node's CPU or memory requests at which S7 warns. */
export const NODE_REQUEST_WARN_PERCENT = 85;

/** Each node's allocatable minus what its bound (kind system) pods request: the most a user pod could ever get. */
function baselineFree(placement: Placement): { node: SimNode; free: Usage }[] {
  return placement.nodes.map((s) => {
    const bound = s.pods.filter((p) => p.nodeName !== undefined);
    const free = {
      cpuMillis: s.node.allocatable.cpuMillis - bound.reduce((n, p) => n + p.requests.cpuMillis, 0),
      memoryBytes: s.node.allocatable.memoryBytes - bound.reduce((n, p) => n + p.requests.memoryBytes, 0),
    };
    return { node: s.node, free };
  });
}

/** The baseline room on each node `pod` may use. */
function roomFor(baseline: { node: SimNode; free: Usage }[], pod: PodSpec): Usage[] {
  return baseline.filter((b) => toleratesNode(pod, b.node)).map((b) => b.free);
}

function neverFits(baseline: { node: SimNode; free: Usage }[], pod: PodSpec): boolean {
  const room = roomFor(baseline, pod);
  return room.length > 0 && !room.some((f) => pod.requests.cpuMillis <= f.cpuMillis && pod.requests.memoryBytes <= f.memoryBytes);
}

/** S1: a pod asks for more than any node it may use offers even when empty of user pods. */
export function s1PodLargerThanNode(placement: Placement): Problem[] {
  const baseline = baselineFree(placement);
  const never = placement.pending.filter((p) => neverFits(baseline, p.pod));
  return [...groupBy(never, (p) => p.pod.workload).values()].map((group) => {
    const pod = group[0].pod;
    const free = roomFor(baseline, pod);
    const maxCpu = Math.max(...free.map((f) => f.cpuMillis));
    const maxMem = Math.max(...free.map((f) => f.memoryBytes));
    const field = pod.requests.memoryBytes > maxMem ? 'memory' : 'cpu';
    const need = `${formatMillis(pod.requests.cpuMillis)} CPU / ${formatMi(pod.requests.memoryBytes)}`;
    const offer = `${formatMillis(maxCpu)} / ${formatMi(maxMem)}`;
    return {
      code: 'S1',
      severity: 'error',
      target: workloadTarget(pod, `resources.requests.${field}`),
      message: `Each ${pod.workload} pod requests ${need}; the largest node offers ${offer} after kind's own pods, so ${listNames(group.map((p) => p.pod.name))} can never be scheduled.`,
      fix: `Pod needs ${need}; the largest node offers ${offer}. Lower requests or enlarge the VM.`,
    };
  });
}

function withBlocker(placement: Placement, b: Blocker): PendingPod[] {
  return placement.pending.filter((p) => p.blockers.includes(b));
}

/** S2: pods left Pending for lack of CPU or memory (those S1 explains are left to it). */
export function s2Insufficient(placement: Placement): Problem[] {
  const baseline = baselineFree(placement);
  const pods = placement.pending.filter((p) => (p.blockers.includes('cpu') || p.blockers.includes('memory')) && !neverFits(baseline, p.pod));
  if (pods.length === 0) return [];
  const memory = pods.some((p) => p.blockers.includes('memory'));
  const cpu = pods.some((p) => p.blockers.includes('cpu'));
  const lack = memory && cpu ? 'CPU and memory' : memory ? 'memory' : 'CPU';
  // Big designs give many variants of the scheduler's histogram; two show the gist.
  const reasons = [...new Set(pods.map((p) => p.reason))].slice(0, 2).join(' ');
  return [
    {
      code: 'S2',
      severity: 'error',
      target: { kind: 'kind', field: memory ? 'memory' : 'cpus' },
      message: `${plural(pods.length, 'pod')} will be Pending for lack of ${lack}: ${listNames(pods.map((p) => p.pod.name))}. ${reasons}`,
      fix: `${plural(pods.length, 'pod')} will be Pending. ` + 'Options: replicas 1, scale other workloads to 0, lower requests, or give the VM more CPU/RAM.',
    },
  ];
}

/** Replicas of a workload, placed or not. */
function replicasOf(placement: Placement, workload: string): number {
  const placed = placement.nodes.flatMap((s) => s.pods).filter((p) => p.workload === workload).length;
  return placed + placement.pending.filter((p) => p.pod.workload === workload).length;
}

/** S3: required anti-affinity on hostname with more replicas than nodes they may use. */
export function s3AntiAffinity(placement: Placement): Problem[] {
  return [...groupBy(withBlocker(placement, 'anti-affinity'), (p) => p.pod.workload).values()].map((group) => {
    const pod = group[0].pod;
    const eligible = placement.nodes.filter((s) => toleratesNode(pod, s.node)).length;
    return {
      code: 'S3',
      severity: 'error',
      target: workloadTarget(pod, 'replicas'),
      message: `${pod.workload}: ${group.length} of ${replicasOf(placement, pod.workload)} replicas stay Pending (${listNames(group.map((p) => p.pod.name))}): required anti-affinity allows one per node and only ${plural(eligible, 'node')} can take them.`,
      fix: 'Add kind workers or switch to preferred anti-affinity (dev).',
    };
  });
}

/** S4: a DoNotSchedule spread that caps nodes, typically through kind's tainted control plane (k8s#116118). */
export function s4Spread(placement: Placement): Problem[] {
  return [...groupBy(withBlocker(placement, 'spread'), (p) => p.pod.workload).values()].map((group) => {
    const pod = group[0].pod;
    const c = pod.spread;
    const taintedDomain =
      c?.nodeTaintsPolicy === 'Ignore' && placement.nodes.some((s) => !toleratesNode(pod, s.node))
        ? ' The tainted control plane counts as an empty domain (nodeTaintsPolicy Ignore), so each worker takes at most maxSkew.'
        : '';
    return {
      code: 'S4',
      severity: 'error',
      target: workloadTarget(pod, 'replicas'),
      message: `${pod.workload}: ${group.length} of ${replicasOf(placement, pod.workload)} replicas stay Pending (${listNames(group.map((p) => p.pod.name))}): topology spread DoNotSchedule with maxSkew ${c?.maxSkew ?? 1}${c?.minDomains ? ` and minDomains ${c.minDomains}` : ''} leaves no node for them.${taintedDomain}`,
      fix: 'Set `nodeTaintsPolicy: Honor` or `whenUnsatisfiable: ScheduleAnyway`.',
    };
  });
}

/** S5: hostPorts clash, within a workload (more replicas than nodes) or between workloads. */
export function s5HostPort(placement: Placement): Problem[] {
  return [...groupBy(withBlocker(placement, 'ports'), (p) => p.pod.workload).values()].map((group) => {
    const pod = group[0].pod;
    const placed = placement.nodes.flatMap((s) => s.pods);
    const holders = new Set(placed.filter((p) => p.workload !== pod.workload && sharesHostPort(pod, p)).map((p) => p.workload));
    const ports = (pod.hostPorts ?? []).map((h) => `${h.port}/${h.protocol}`).join(', ');
    const shared = holders.size > 0 ? ` ${[...holders].join(', ')} uses the same hostPort.` : '';
    return {
      code: 'S5',
      severity: 'error',
      target: workloadTarget(pod),
      message: `${pod.workload}: ${plural(group.length, 'pod')} stay Pending (${listNames(group.map((p) => p.pod.name))}): hostPort ${ports} is taken on every node they may use.${shared}`,
      fix: 'Drop hostPort (use a NodePort Service + kind extraPortMappings).',
    };
  });
}

/** S6: nodes at kubelet's pod cap. */
export function s6MaxPods(placement: Placement): Problem[] {
  const pods = withBlocker(placement, 'pods');
  if (pods.length === 0) return [];
  const full = placement.nodes.filter((s) => s.pods.length >= s.node.maxPods).map((s) => `${s.node.name} (${s.pods.length}/${s.node.maxPods})`);
  return [
    {
      code: 'S6',
      severity: 'error',
      target: { kind: 'kind', field: 'workers' },
      message: `${plural(pods.length, 'pod')} stay Pending because nodes are at their pod limit: ${listNames(pods.map((p) => p.pod.name))}. Full: ${full.join(', ')}.`,
      fix: 'Add a node or reduce replicas.',
    },
  ];
}

/**
 * S7: nodes whose requests leave under 15% for the next rollout or app. One problem lists every such node, so a
 * cluster of full workers gives one warning, not one per worker.
 */
export function s7NodeAlmostFull(placement: Placement): Problem[] {
  let cpuFull = false;
  let worst = 0;
  const lines = placement.nodes.flatMap((s): string[] => {
    const { requests: r, node } = s;
    const cpu = percentOf(r.cpuMillis, node.allocatable.cpuMillis);
    const mem = percentOf(r.memoryBytes, node.allocatable.memoryBytes);
    const parts: string[] = [];
    if (cpu >= NODE_REQUEST_WARN_PERCENT) {
      parts.push(`${cpu}% of CPU (${formatMillis(r.cpuMillis)} of ${formatMillis(node.allocatable.cpuMillis)})`);
      cpuFull = true;
    }
    if (mem >= NODE_REQUEST_WARN_PERCENT) {
      parts.push(`${mem}% of memory (${formatMi(r.memoryBytes)} of ${formatMi(node.allocatable.memoryBytes)})`);
    }
    if (parts.length === 0) return [];
    worst = Math.max(worst, cpu, mem);
    return [`${node.name} has ${parts.join(' and ')}`];
  });
  if (lines.length === 0) return [];
  return [
    {
      code: 'S7',
      severity: 'warning',
      target: { kind: 'kind', field: cpuFull ? 'cpus' : 'memory' },
      message: `Requested after placement: ${listNames(lines, 4)}.`,
      fix: `Node at ${worst}% requests; leave ≥15% for rollouts and other apps.`,
    },
  ];
}

/** S8: on a multi-node cluster, NATS runs only on workers; say where. */
export function s8WorkersOnly(placement: Placement): Problem[] {
  const tainted = placement.nodes.filter((s) => s.node.taints.length > 0);
  const withNats = placement.nodes.filter((s) => s.pods.some((p) => p.origin === 'nats'));
  if (tainted.length === 0 || withNats.length === 0) return [];
  const where = withNats.map(
    (s) =>
      `${s.node.name}: ${listNames(
        s.pods.filter((p) => p.origin === 'nats').map((p) => p.name),
        6,
      )}`,
  );
  return [
    {
      code: 'S8',
      severity: 'info',
      target: { kind: 'kind', field: 'workers' },
      message: `${tainted.map((s) => s.node.name).join(', ')} is tainted, so NATS pods run only on workers. ${listNames(where, 6, '; ')}.`,
      fix: 'Nothing to do: count NATS capacity on the workers only.',
    },
  ];
}

/** S1–S8 over one placement. */
export function schedulingProblems(placement: Placement): Problem[] {
  const rules = [s1PodLargerThanNode, s2Insufficient, s3AntiAffinity, s4Spread, s5HostPort, s6MaxPods, s7NodeAlmostFull, s8WorkersOnly];
  return rules.flatMap((rule) => rule(placement));
}
