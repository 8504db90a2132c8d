import type { Topology } from '../model';
import { toYaml } from '../k8s/yaml';

/** A kind cluster config matching the topology's `kind` section: one control plane plus the workers. */
export function renderKindConfig(topology: Topology): string {
  const nodes = [{ role: 'control-plane' }, ...Array.from({ length: topology.kind.workers }, () => ({ role: 'worker' }))];
  return toYaml({ kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', name: topology.name, nodes });
}
