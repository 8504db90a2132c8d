import type { ConfigMap, Container, EnvVar, Probe, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { NetworkPolicy, NetworkPolicyPeer } from 'kubernetes-types/networking/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import { KUBERNETES_PATHS, KUBERNETES_PORTS, kubernetesAddressing, routeUrlWithCredentials } from '../conf/addressing';
import { hubClusters, leafHubs, leafUrlVariables } from '../conf/leafnodes';
import { LAME_DUCK } from '../conf/nats-conf';
import { hash53 } from '../hash';
import { clusterNames, passwordEnvVar, ROUTE_CREDENTIAL, ROUTE_USER, selectorLabels } from '../names';
import { bytes, MiB } from '../quantity';
import type { Cluster, ResolvedCluster, Topology } from '../model';
import { passwordEnvVars } from '../bundle/passwords';
import { clusterLabels } from './labels';
import { exporterContainer } from './monitoring';
import { usesTls } from '../conf/tls';
import { TLS_NAMES } from './tls-objects';
import { crossSite, hasCrossSitePeer } from '../conf/placement';

export const CONFIG_FILE = 'nats.conf';
const JS_VOLUME = 'nats-js';
const TLS_VOLUME = 'tls';

/**
 * `terminationGracePeriodSeconds`: lame duck grace + duration + 20 s for the server to finish, as the Helm
 * chart sets it (nats-io/k8s#994: Kubernetes' default 30 s kills pods mid lame duck).
 */
export const TERMINATION_GRACE_SECONDS = LAME_DUCK.graceSeconds + LAME_DUCK.durationSeconds + 20;

function meta(topology: Topology, cluster: ResolvedCluster, name: string) {
  return { name, namespace: topology.namespace, labels: clusterLabels(topology, cluster) };
}

export function configMapFor(topology: Topology, cluster: ResolvedCluster, conf: string): ConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: meta(topology, cluster, clusterNames(cluster.name).configMap),
    data: { [CONFIG_FILE]: conf },
  };
}

const PORTS: ServicePort[] = [
  { name: 'nats', port: KUBERNETES_PORTS.client, targetPort: 'nats', appProtocol: 'tcp' },
  { name: 'cluster', port: KUBERNETES_PORTS.cluster, targetPort: 'cluster', appProtocol: 'tcp' },
  { name: 'gateway', port: KUBERNETES_PORTS.gateway, targetPort: 'gateway', appProtocol: 'tcp' },
  { name: 'monitor', port: KUBERNETES_PORTS.monitor, targetPort: 'monitor', appProtocol: 'http' },
];

/** A hub's leafnode port: on its headless Service, which its leaves dial, and its containers. */
const LEAFNODE_SERVICE_PORT: ServicePort = { name: 'leafnodes', port: KUBERNETES_PORTS.leafnode, targetPort: 'leafnodes', appProtocol: 'tcp' };

/** The ports a cluster's servers listen on: a hub's include the leafnode port. */
function portsOf(topology: Topology, cluster: ResolvedCluster): ServicePort[] {
  return hubClusters(topology).has(cluster.name) ? [...PORTS, LEAFNODE_SERVICE_PORT] : PORTS;
}

/**
 * The headless Service that gives each pod its route and gateway DNS name. It publishes unready pods: a
 * JetStream pod is unready until it sees a meta leader, which needs its peers' DNS (nats-io/k8s#441, #1109).
 */
export function headlessServiceFor(topology: Topology, cluster: ResolvedCluster): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(topology, cluster, clusterNames(cluster.name).headless),
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: selectorLabels(cluster.name),
      ports: portsOf(topology, cluster).map((p) => ({ ...p })),
    },
  };
}

/**
 * `security.networkPolicy`: who may open a connection to a cluster's pods. Clients and monitoring from anywhere (the
 * client port is the service; Prometheus and probes read monitoring), routes only from the cluster's own pods,
 * gateways from the pods of its peers in this Kubernetes cluster and, when a peer elsewhere dials it, from anywhere
 * (its connections arrive through a load balancer from addresses we cannot know; gateway auth guards that port).
 */
export function networkPolicyFor(topology: Topology, cluster: ResolvedCluster, remotes: readonly Cluster[]): NetworkPolicy {
  const pods = (name: string): NetworkPolicyPeer => ({ podSelector: { matchLabels: selectorLabels(name) } });
  const port = (p: ServicePort) => [{ protocol: 'TCP', port: p.port }];
  const local = remotes.filter((r) => !crossSite(cluster, r));
  const gatewayFrom = hasCrossSitePeer(cluster, remotes) ? {} : { from: local.map((r) => pods(r.name)) };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: meta(topology, cluster, clusterNames(cluster.name).statefulSet),
    spec: {
      podSelector: { matchLabels: selectorLabels(cluster.name) },
      policyTypes: ['Ingress'],
      ingress: [
        { ports: port(PORTS[0]) },
        { ports: port(PORTS[3]) },
        { from: [pods(cluster.name)], ports: port(PORTS[1]) },
        ...(remotes.length > 0 ? [{ ...gatewayFrom, ports: port(PORTS[2]) }] : []),
      ],
    },
  };
}

/** external-dns publishes a DNS name for the Service's load balancer when this annotation names one. */
export const EXTERNAL_DNS_ANNOTATION = 'external-dns.alpha.kubernetes.io/hostname';

/**
 * The Service peers in other Kubernetes clusters dial (`gateway` in the design): the gateway port only, on a
 * LoadBalancer or a NodePort. It publishes unready pods for the reason the headless Service does: a JetStream pod
 * is unready until it sees a meta leader, which may live across this very link (nats-io/k8s#1109).
 */
export function gatewayServiceFor(topology: Topology, cluster: ResolvedCluster): Service | null {
  const g = cluster.gateway;
  if (!g) return null;
  const m = meta(topology, cluster, clusterNames(cluster.name).gatewayService);
  // An IP address needs no DNS record; a name does, and external-dns makes it when it runs.
  const annotations = g.address && !isIpAddress(g.address) ? { [EXTERNAL_DNS_ANNOTATION]: g.address } : undefined;
  const port: ServicePort = { ...PORTS[2] };
  if (g.service === 'NodePort' && g.nodePort !== null) port.nodePort = g.nodePort;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: annotations ? { ...m, annotations } : m,
    spec: { type: g.service, publishNotReadyAddresses: true, selector: selectorLabels(cluster.name), ports: [port] },
  };
}

function isIpAddress(s: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(s) || s.includes(':');
}

/** The Service clients use: the client port only, like the chart's default. */
export function clientServiceFor(topology: Topology, cluster: ResolvedCluster): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(topology, cluster, clusterNames(cluster.name).statefulSet),
    spec: { type: 'ClusterIP', selector: selectorLabels(cluster.name), ports: [{ ...PORTS[0] }] },
  };
}

function httpProbe(path: string, periodSeconds: number, failureThreshold: number): Probe {
  return { httpGet: { path, port: 'monitor' }, initialDelaySeconds: 10, timeoutSeconds: 5, periodSeconds, successThreshold: 1, failureThreshold };
}

/**
 * One check for all three probes: the server takes clients and JetStream is enabled (`js-enabled-only`). Unlike the
 * Helm chart's (startup on the full `/healthz`, readiness on `js-server-only`), it asks nothing of the meta leader, so
 * a region outage that costs the meta group its quorum neither empties the surviving clusters' Services (core NATS
 * keeps flowing) nor restart-loops a server started during it. The failure suite measured both on 2.9.10 and 2.14.9
 * (ARCHITECTURE.md, "Probes"). Up to 15 minutes to start; without JetStream the plain check says the same.
 */
function probes(jetstream: boolean): Pick<Container, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> {
  const path = jetstream ? '/healthz?js-enabled-only=true' : '/healthz';
  return {
    startupProbe: httpProbe(path, 10, 90),
    readinessProbe: httpProbe(path, 10, 3),
    livenessProbe: httpProbe(path, 30, 3),
  };
}

/** GOMEMLIMIT at 80% of the memory limit, in whole MiB, as the chart advises; none without a limit. */
export function goMemLimit(cluster: ResolvedCluster): string | null {
  const limit = cluster.resources.limits.memory;
  return limit ? `${Math.floor((bytes(limit) * 0.8) / MiB)}MiB` : null;
}

function env(topology: Topology, cluster: ResolvedCluster, secretName: string): EnvVar[] {
  const vars: EnvVar[] = [
    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    { name: 'SERVER_NAME', value: '$(POD_NAME)' },
  ];
  const gomem = goMemLimit(cluster);
  if (gomem) vars.push({ name: 'GOMEMLIMIT', value: gomem });
  for (const name of passwordEnvVars(topology)) {
    vars.push({ name, valueFrom: { secretKeyRef: { name: secretName, key: name } } });
  }
  // After the passwords: Kubernetes expands `$(NATS_PASSWORD_X)` only from variables defined before.
  const hub = leafHubs(topology).get(cluster.name);
  if (hub) {
    const urls = kubernetesAddressing(topology, cluster).leafnodeUrls(hub);
    for (const v of leafUrlVariables(topology, hub, urls, (user) => `$(${passwordEnvVar(user)})`)) vars.push({ name: v.name, value: v.value });
  }
  if (topology.security?.serverAuth) {
    // Each route URL with the credentials in it; Kubernetes expands $(VAR) from the variables above.
    const a = kubernetesAddressing(topology, cluster);
    const password = `$(${passwordEnvVar(ROUTE_CREDENTIAL)})`;
    a.routeUrls.forEach((url, i) => vars.push({ name: a.routeEnv(i), value: routeUrlWithCredentials(url, ROUTE_USER, password) }));
  }
  return vars;
}

/**
 * `security.restrictedPods`: the restricted Pod Security Standard. The server runs as an unprivileged user (the image
 * runs as root otherwise), and the root filesystem is read-only: it writes only the JetStream store (the volume, made
 * group-writable through fsGroup) and its pid file (an emptyDir). Both server versions were seen running so
 * (docs/nats-server.md, test/boot/read-only-root.test.ts).
 */
const NATS_UID = 1000;
const RESTRICTED_POD = { runAsNonRoot: true, runAsUser: NATS_UID, runAsGroup: NATS_UID, fsGroup: NATS_UID, seccompProfile: { type: 'RuntimeDefault' } };
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true };

/** `secretName`: the content-named credentials Secret ({@link credentialsFor}); a new one rolls the pods. */
export function statefulSetFor(topology: Topology, cluster: ResolvedCluster, conf: string, secretName: string): StatefulSet {
  const names = clusterNames(cluster.name);
  const js = topology.jetstream.enabled;
  const tls = usesTls(cluster);
  const resources: Container['resources'] = {};
  if (Object.keys(cluster.resources.requests).length) resources.requests = { ...cluster.resources.requests };
  if (Object.keys(cluster.resources.limits).length) resources.limits = { ...cluster.resources.limits };
  const restricted = topology.security?.restrictedPods === true;
  const container: Container = {
    name: 'nats',
    image: topology.image,
    args: ['--config', `${KUBERNETES_PATHS.configDir}/${CONFIG_FILE}`],
    env: env(topology, cluster, secretName),
    ports: portsOf(topology, cluster).map((p) => ({ name: p.name, containerPort: p.port })),
    resources,
    ...probes(js),
    lifecycle: { preStop: { exec: { command: ['nats-server', '--signal', `ldm=${KUBERNETES_PATHS.pidDir}/nats.pid`] } } },
    ...(restricted ? { securityContext: RESTRICTED_CONTAINER } : {}),
    volumeMounts: [
      { name: 'config', mountPath: KUBERNETES_PATHS.configDir },
      { name: 'pid', mountPath: KUBERNETES_PATHS.pidDir },
      ...(js ? [{ name: JS_VOLUME, mountPath: KUBERNETES_PATHS.storeDir }] : []),
      ...(tls ? [{ name: TLS_VOLUME, mountPath: KUBERNETES_PATHS.certDir, readOnly: true }] : []),
    ],
  };
  const sc = cluster.jetstream.storageClass;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: meta(topology, cluster, names.statefulSet),
    spec: {
      replicas: cluster.replicas,
      serviceName: names.headless,
      // Quorum needs a majority up at once; OrderedReady would wait for pod 0 to be ready first (nats-io/k8s#594).
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: selectorLabels(cluster.name) },
      template: {
        metadata: {
          labels: clusterLabels(topology, cluster),
          // Gateway and route changes need a restart, not a reload: a new checksum rolls the pods.
          annotations: { 'nats.io/config-checksum': hash53(conf) },
        },
        spec: {
          enableServiceLinks: false,
          ...(restricted ? { securityContext: RESTRICTED_POD } : {}),
          terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              // Spread when there is room, never leave a pod Pending for it (a laptop kind has one node).
              whenUnsatisfiable: 'ScheduleAnyway',
              nodeTaintsPolicy: 'Honor',
              labelSelector: { matchLabels: selectorLabels(cluster.name) },
            },
          ],
          containers: topology.monitoring?.exporter ? [container, exporterContainer(topology)] : [container],
          volumes: [
            { name: 'config', configMap: { name: names.configMap } },
            { name: 'pid', emptyDir: {} },
            // The cluster's cert-manager Secret; the monitoring port stays plain HTTP, so the probes do not change.
            ...(tls ? [{ name: TLS_VOLUME, secret: { secretName: TLS_NAMES.cluster(cluster.name) } }] : []),
          ],
        },
      },
      ...(js
        ? {
            volumeClaimTemplates: [
              {
                metadata: { name: JS_VOLUME, labels: selectorLabels(cluster.name) },
                spec: {
                  accessModes: ['ReadWriteOnce'],
                  ...(sc ? { storageClassName: sc } : {}),
                  resources: { requests: { storage: cluster.jetstream.volumeSize } },
                },
              },
            ],
          }
        : {}),
    },
  };
}

export function podDisruptionBudgetFor(topology: Topology, cluster: ResolvedCluster): PodDisruptionBudget {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: meta(topology, cluster, clusterNames(cluster.name).statefulSet),
    spec: { maxUnavailable: 1, selector: { matchLabels: selectorLabels(cluster.name) } },
  };
}
