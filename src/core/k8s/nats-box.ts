import type { Deployment } from 'kubernetes-types/apps/v1';
import type { EnvVar } from 'kubernetes-types/core/v1';
import { KUBERNETES_PORTS } from '../conf/addressing';
import { NATS_BOX_IMAGE, NATS_BOX_RESOURCES } from '../defaults';
import { clusterNames, NATS_BOX_NAME, SYSTEM_PASSWORD_ENV, SYSTEM_USER } from '../names';
import type { Topology } from '../model';
import { passwordUsers } from '../bundle/passwords';
import { bundleLabels } from './labels';

/** Selects the nats-box pod only: never a server's labels, so no Service or PodMonitor of a cluster picks it up. */
export const NATS_BOX_SELECTOR = { 'app.kubernetes.io/name': 'nats-box', 'app.kubernetes.io/component': 'nats-box' } as const;

/** The client Service URL of a cluster, as a pod of the namespace reaches it. */
export function clientUrl(topology: Topology, cluster: string): string {
  return `nats://${clusterNames(cluster).statefulSet}.${topology.namespace}.svc.${topology.clusterDomain}:${KUBERNETES_PORTS.client}`;
}

/**
 * The nats CLI's context, as environment: `NATS_URL` (the first cluster's client Service), and with passwords the system
 * user, its password read from the credentials Secret (never written into a ConfigMap or the pod spec). The system
 * account is the one `nats server list/check` needs.
 */
function contextEnv(topology: Topology, secretName: string): EnvVar[] {
  const first = topology.clusters[0];
  const env: EnvVar[] = [];
  if (first) env.push({ name: 'NATS_URL', value: clientUrl(topology, first.name) });
  if (passwordUsers(topology).length > 0) {
    env.push({ name: 'NATS_USER', value: SYSTEM_USER });
    env.push({ name: 'NATS_PASSWORD', valueFrom: { secretKeyRef: { name: secretName, key: SYSTEM_PASSWORD_ENV } } });
  }
  return env;
}

/** One idle pod with the nats CLI, for `kubectl exec deploy/nats-box -- nats …` (the bundle README's commands). */
export function natsBoxFor(topology: Topology, secretName: string): Deployment {
  const labels = { ...NATS_BOX_SELECTOR, ...bundleLabels(topology) };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: NATS_BOX_NAME, namespace: topology.namespace, labels },
    spec: {
      replicas: 1,
      selector: { matchLabels: { ...NATS_BOX_SELECTOR } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          enableServiceLinks: false,
          // Nothing to finish on the way out.
          terminationGracePeriodSeconds: 1,
          containers: [
            {
              name: 'nats-box',
              image: NATS_BOX_IMAGE,
              command: ['sleep', 'infinity'],
              env: contextEnv(topology, secretName),
              resources: { requests: { ...NATS_BOX_RESOURCES.requests }, limits: { ...NATS_BOX_RESOURCES.limits } },
            },
          ],
        },
      },
    },
  };
}
