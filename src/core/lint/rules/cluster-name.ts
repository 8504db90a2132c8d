import { MAX_CLUSTER_NAME, MAX_STATEFULSET_NAME, clusterNames } from '../../names';
import type { Problem } from '../../problems';
import type { Rule } from '../../check/rule';
import { dns1123Reason, q, suggestLabel } from '../support';

/**
 * CLUSTER_NAME_INVALID and CLUSTER_NAME_TOO_LONG: a cluster name becomes the NATS cluster and gateway name and part
 * of every object and pod name, so it must be a DNS-1123 label short enough for `nats-<name>` to stay a valid
 * StatefulSet name.
 */
export const clusterName: Rule = {
  id: 'cluster-name',
  description: `Cluster names are DNS-1123 labels of at most ${MAX_CLUSTER_NAME} characters.`,
  check({ topology }) {
    const out: Problem[] = [];
    for (const { name } of topology.clusters) {
      const target = { kind: 'cluster', cluster: name, field: 'name' } as const;
      // Length has its own code with its own explanation.
      const reason = dns1123Reason(name, Infinity);
      if (reason) {
        out.push({
          code: 'CLUSTER_NAME_INVALID',
          severity: 'error',
          target,
          message: `cluster name ${q(name)} is not a DNS-1123 label: ${reason}. It names the cluster's StatefulSet, Services and pods`,
          fix: `Use lower-case letters, digits and '-', starting and ending with a letter or digit, e.g. ${q(suggestLabel(name, MAX_CLUSTER_NAME, 'cluster'))}.`,
        });
      }
      if (name.length > MAX_CLUSTER_NAME) {
        const sts = clusterNames(name).statefulSet;
        out.push({
          code: 'CLUSTER_NAME_TOO_LONG',
          severity: 'error',
          target,
          message:
            `cluster name ${q(name)} is ${name.length} characters long: its StatefulSet ${sts} would have ${sts.length}, ` +
            `over the ${MAX_STATEFULSET_NAME} that leave room for the pods' controller-revision-hash label, so no pod is created`,
          fix: `Shorten it to at most ${MAX_CLUSTER_NAME} characters, e.g. ${q(suggestLabel(name, MAX_CLUSTER_NAME, 'cluster'))}.`,
        });
      }
    }
    return out;
  },
};
