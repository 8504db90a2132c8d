import { jetstreamFigures, totalFigures, vmFigures } from '../budget/figures';
import { kindNodes, systemPods } from '../budget/kind-baseline';
import { natsBoxPod, natsPods, otherWorkloadPods } from '../budget/pods';
import { EXPORTER_RESOURCES } from '../defaults';
import type { BudgetFacts } from '../budget/rules/facts';
import { simulate } from '../budget/simulate';
import { siteOf } from '../conf/placement';
import { resolveCluster, type Cluster, type ResolvedCluster, type Topology } from '../model';
import { perTopology } from '../per-topology';

/**
 * What every rule may look at, computed once per topology: each cluster with its defaults merged in, and the kind
 * budget's model (the VM, the scheduler's placement, the sums and JetStream's claims).
 */
export interface Facts extends BudgetFacts {
  /** Each cluster as written beside its resolved settings, in topology order. */
  resolved: readonly { spec: Cluster; cluster: ResolvedCluster }[];
}

/**
 * The facts of a topology, computed on first use and kept while the topology lives: plain data derived from an
 * immutable topology, so one computation serves the lint, the budget and `check`. The kind model (a scheduler
 * simulation) is computed the first time a rule reads it, so the lint alone never pays for it.
 */
export const factsOf = perTopology((topology): Facts => {
  const resolved = topology.clusters.map((spec) => ({ spec, cluster: resolveCluster(topology, spec) }));
  const clusters = resolved.map((r) => r.cluster);
  let kind: Pick<BudgetFacts, 'kindClusters' | 'vm' | 'placement' | 'totals' | 'jetstream'> | undefined;
  const model = () => (kind ??= kindModel(topology, clusters));
  const facts: Facts = {
    topology,
    resolved,
    clusters,
    get kindClusters() {
      return model().kindClusters;
    },
    get vm() {
      return model().vm;
    },
    get placement() {
      return model().placement;
    },
    get totals() {
      return model().totals;
    },
    get jetstream() {
      return model().jetstream;
    },
  };
  return facts;
});

/**
 * kind's nodes and system pods, the scheduler's placement of every pod, the sums and JetStream's claims. A design over
 * several Kubernetes clusters is budgeted for the first cluster's kube context only (see `budget/rules/contexts.ts`).
 */
function kindModel(topology: Topology, all: ResolvedCluster[]): Pick<BudgetFacts, 'kindClusters' | 'vm' | 'placement' | 'totals' | 'jetstream'> {
  const clusters = all.filter((c) => siteOf(c) === siteOf(all[0] ?? {}));
  const vm = vmFigures(topology.kind);
  const nodes = kindNodes(topology.kind.workers, { cpuMillis: vm.cpuMillis, memoryBytes: vm.memoryBytes });
  const sidecar = topology.monitoring?.exporter ? EXPORTER_RESOURCES : undefined;
  const pods = [
    ...systemPods(nodes),
    ...clusters.flatMap((c) => natsPods(c, sidecar)),
    ...(topology.natsBox ? [natsBoxPod()] : []),
    ...topology.kind.otherWorkloads.flatMap(otherWorkloadPods),
  ];
  const placement = simulate(nodes, pods);
  return {
    kindClusters: clusters,
    vm,
    placement,
    totals: totalFigures(placement, vm),
    jetstream: jetstreamFigures(topology.jetstream.enabled, clusters, nodes.length),
  };
}
