/**
 * The `kubectl` that starts a README command. A bundle over several Kubernetes clusters names the kube context of
 * every command, so each reaches the cluster it is about whatever the current context is; a bundle in one Kubernetes
 * cluster runs every command against the current context, and its README names none (it reads as it always did).
 */
import type { ResolvedCluster, Topology } from '../model';
import { clusterNames } from '../names';
import { siteOf } from '../conf/placement';
import { shellWord } from '../quote/shell';
import { bundleSites, kubeContexts } from './sites';

/** `kubectl` in one kube context: `--context` names it; null is the current context, named by no flag. */
export function kubectlIn(context: string | null): string {
  return context === null ? 'kubectl' : `kubectl --context ${shellWord(context)}`;
}

/**
 * `kubectl` in the kube context a NATS cluster runs in. `cluster` null is a placeholder cluster (`old`, `<the
 * cluster>`): in a bundle over several Kubernetes clusters its context is a `placeholder` too, for the reader to fill
 * in as they do the cluster; in one Kubernetes cluster, the current context.
 */
export function kubectlFor(topology: Topology, cluster: Parameters<typeof siteOf>[0] | null, placeholder = '<its context>'): string {
  if (cluster !== null) return kubectlIn(siteOf(cluster));
  return bundleSites(topology) ? `kubectl --context ${placeholder}` : 'kubectl';
}

/** The commands that apply the whole bundle: `kubectl apply -k .`, or each overlay in its own context (as in "Apply"). */
export function applyCommands(topology: Topology): string[] {
  if (!bundleSites(topology)) return ['kubectl apply -k .'];
  return kubeContexts(topology).map((s) => `${kubectlIn(s.context)} apply -k ${shellWord(s.folder)}`);
}

/** `kubectl rollout status` of each cluster's StatefulSet, in its context: returns once the cluster has rolled. */
export function rolloutCommands(topology: Topology, clusters: ResolvedCluster[]): string[] {
  const ns = shellWord(topology.namespace);
  return clusters.map(
    (c) => `${kubectlFor(topology, c)} rollout status ${shellWord(`statefulset/${clusterNames(c.name).statefulSet}`)} -n ${ns} --timeout=10m`,
  );
}
