import { domainOf, leafCrossesContexts, leafHubs, systemIndex } from '../../conf/leafnodes';
import { siteOf } from '../../conf/placement';
import { didYouMean } from '../../parse/did-you-mean';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { q } from '../support';

/**
 * Leafnode links `[leaf, hub]` that break on a real server, each an error naming the link and a fix; the renderer
 * leaves such links out (`conf/leafnodes.ts`, `leafHubs`):
 * - LEAF_UNKNOWN_CLUSTER: an end names no cluster.
 * - LEAF_LOOP: the leaf is its hub, the two are in one gateway system (the messages would cross twice), or the hub's
 *   side leads back to the leaf through other leaf links.
 * - LEAF_SECOND_HUB: a leaf cluster has one hub here; a second is not rendered.
 * - LEAF_CROSS_CONTEXT: the leaf dials its hub's headless Service, an in-cluster name, so both must run in one
 *   Kubernetes cluster (kube context); a hub's leafnode port is not exposed to other Kubernetes clusters.
 * - LEAF_DOMAIN_SHARED: with JetStream, a leaf's domain must differ from its hub's, or the two JetStreams answer the
 *   same API subjects; and the hub needs a domain for the leaf's clients to name it (`--js-domain`).
 */
export const leafnodeLinks: Rule = {
  id: 'leafnode-links',
  description: 'Every leafnode link joins a leaf to a hub in another system, without loops, with JetStream domains of their own.',
  check({ topology }) {
    const links = topology.leafnodes ?? [];
    if (links.length === 0) return [];
    const names = topology.clusters.map((c) => c.name);
    const known = new Set(names);
    const systemOf = systemIndex(topology);
    const rendered = leafHubs(topology);
    const out: Problem[] = [];
    const firstHub = new Map<string, string>();
    for (const [leaf, hub] of links) {
      const target = { kind: 'cluster' as const, cluster: leaf, field: 'leafnodes' };
      const unknown = [leaf, hub].filter((end, i) => !known.has(end) && (i === 0 || end !== leaf));
      if (unknown.length > 0) {
        for (const end of unknown) {
          const guess = didYouMean(end, names);
          out.push({
            code: 'LEAF_UNKNOWN_CLUSTER',
            severity: 'error',
            target,
            message: `leafnode link ${leaf} → ${hub} names cluster ${q(end)}, which does not exist: the link is not rendered`,
            fix: guess ? `Did you mean ${q(guess)}? Fix the name or remove the link.` : `Add a cluster named ${q(end)} or remove the link.`,
          });
        }
        continue;
      }
      const seen = firstHub.get(leaf);
      if (seen !== undefined) {
        if (seen !== hub) {
          out.push({
            code: 'LEAF_SECOND_HUB',
            severity: 'error',
            target,
            message: `cluster ${leaf} is already a leaf of ${seen}; its link to ${hub} is not rendered`,
            fix: `Keep one hub for ${leaf}: remove [${leaf}, ${hub}] or [${leaf}, ${seen}].`,
          });
        }
        continue;
      }
      firstHub.set(leaf, hub);
      if (leaf === hub || systemOf.get(leaf) === systemOf.get(hub)) {
        out.push({
          code: 'LEAF_LOOP',
          severity: 'error',
          target,
          message:
            leaf === hub
              ? `cluster ${leaf} is drawn as its own leaf: the link is not rendered`
              : `leafnode link ${leaf} → ${hub} joins two clusters that gateways already join: messages would reach the other side twice, so the link is not rendered`,
          fix:
            leaf === hub
              ? `Remove [${leaf}, ${hub}].`
              : `Remove the leafnode link, or the gateway path between ${leaf} and ${hub} if ${leaf} is meant to be a leaf.`,
        });
        continue;
      }
      if (leafCrossesContexts(topology, leaf, hub)) {
        const where = (name: string) => {
          const ctx = siteOf(topology.clusters.find((c) => c.name === name)!);
          return ctx === null ? 'the default Kubernetes cluster' : `kube context ${q(ctx)}`;
        };
        out.push({
          code: 'LEAF_CROSS_CONTEXT',
          severity: 'error',
          target: { kind: 'cluster', cluster: leaf, field: 'kubeContext' },
          message: `leaf ${leaf} runs in ${where(leaf)} but its hub ${hub} in ${where(hub)}: the leaf would dial ${hub}'s in-cluster address, which it cannot reach, so the link is not rendered`,
          fix: `Run ${leaf} in the same kube context as ${hub} (set its kubeContext to ${hub}'s), or make ${leaf} a leaf of a hub in its own Kubernetes cluster.`,
        });
        continue;
      }
      if (rendered.get(leaf) !== hub) {
        out.push({
          code: 'LEAF_LOOP',
          severity: 'error',
          target,
          message: `leafnode link ${leaf} → ${hub} closes a loop: ${hub}'s side already reaches ${leaf} through other leafnode links, so the link is not rendered`,
          fix: `Remove one link of the loop; leafnode links must form a tree of hubs and leaves.`,
        });
        continue;
      }
      if (!topology.jetstream.enabled) continue;
      const leafSpec = topology.clusters.find((c) => c.name === leaf)!;
      const hubSpec = topology.clusters.find((c) => c.name === hub)!;
      const leafDomain = domainOf(topology, leafSpec);
      const hubDomain = domainOf(topology, hubSpec);
      if (leafDomain === hubDomain || !hubDomain) {
        out.push({
          code: 'LEAF_DOMAIN_SHARED',
          severity: 'error',
          target: { kind: 'cluster', cluster: leafDomain === hubDomain ? leaf : hub, field: 'domain' },
          message:
            leafDomain === hubDomain
              ? `leaf ${leaf} and its hub ${hub} share the JetStream domain ${hubDomain ? q(hubDomain) : '(none)'}: their JetStreams would answer the same API subjects over the leafnode connection`
              : `hub ${hub} has no JetStream domain: clients of leaf ${leaf} cannot name it to reach its JetStream`,
          fix:
            leafDomain === hubDomain
              ? `Give ${leaf} a domain of its own (its domain key, e.g. ${q(leaf)})${hubDomain ? '' : `, and ${hub} one too (jetstream.domain, e.g. "hub")`}.`
              : `Set the topology's jetstream.domain (e.g. "hub") or ${hub}'s own domain.`,
        });
      }
    }
    return out;
  },
};
