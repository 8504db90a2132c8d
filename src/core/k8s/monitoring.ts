import type { Container } from 'kubernetes-types/core/v1';
import { KUBERNETES_PORTS } from '../conf/addressing';
import { EXPORTER_IMAGE, EXPORTER_RESOURCES } from '../defaults';
import { clusterNames, selectorLabels } from '../names';
import type { ResolvedCluster, Topology } from '../model';
import { clusterLabels } from './labels';

/** The exporter's port, as the NATS Helm chart names and numbers it. */
export const EXPORTER_PORT = { name: 'prom-metrics', port: 7777 } as const;

/**
 * The server endpoints the exporter reads: each flag and the monitoring path it polls. Every one is served by both
 * server versions we test (2.9.10 and 2.14.9; `test/boot/bundle-features.test.ts` asks each); `/jsz` says something only with
 * JetStream on, so it is asked only then.
 */
export function exporterEndpoints(topology: Topology): { flag: string; path: string }[] {
  const endpoints = [
    { flag: '-connz', path: '/connz' },
    { flag: '-routez', path: '/routez' },
    { flag: '-subz', path: '/subsz' },
    { flag: '-varz', path: '/varz' },
    { flag: '-healthz', path: '/healthz' },
    { flag: '-gatewayz', path: '/gatewayz' },
    { flag: '-leafz', path: '/leafz' },
  ];
  if (topology.jetstream.enabled) endpoints.push({ flag: '-jsz=all', path: '/jsz?accounts=true&streams=true&consumers=true&config=true' });
  return endpoints;
}

/**
 * The exporter's arguments: the endpoints, then `-prefix=nats` (the metric names the chart's dashboards expect) and
 * `-use_internal_server_id` (series labelled by the server's own id, as the chart does), and the server's monitoring
 * port over the pod's loopback.
 */
export function exporterArgs(topology: Topology): string[] {
  return [...exporterEndpoints(topology).map((e) => e.flag), '-prefix=nats', '-use_internal_server_id', `http://localhost:${KUBERNETES_PORTS.monitor}/`];
}

/** The sidecar: reads the server's monitoring port over the pod's loopback and serves Prometheus metrics on 7777. */
export function exporterContainer(topology: Topology): Container {
  return {
    name: 'prom-exporter',
    image: EXPORTER_IMAGE,
    args: exporterArgs(topology),
    ports: [{ name: EXPORTER_PORT.name, containerPort: EXPORTER_PORT.port }],
    resources: { requests: { ...EXPORTER_RESOURCES.requests }, limits: { ...EXPORTER_RESOURCES.limits } },
  };
}

/** A prometheus-operator PodMonitor (monitoring.coreos.com/v1); the core renders plain objects, the tests check its schema. */
export interface PodMonitor {
  apiVersion: 'monitoring.coreos.com/v1';
  kind: 'PodMonitor';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: {
    selector: { matchLabels: Record<string, string> };
    namespaceSelector: { matchNames: string[] };
    podMetricsEndpoints: { port: string; path: string }[];
  };
}

/** One PodMonitor per cluster, selecting its pods by the StatefulSet's own selector and scraping the exporter's port by name. */
export function podMonitorFor(topology: Topology, cluster: ResolvedCluster): PodMonitor {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    metadata: { name: clusterNames(cluster.name).statefulSet, namespace: topology.namespace, labels: clusterLabels(topology, cluster) },
    spec: {
      selector: { matchLabels: selectorLabels(cluster.name) },
      namespaceSelector: { matchNames: [topology.namespace] },
      podMetricsEndpoints: [{ port: EXPORTER_PORT.name, path: '/metrics' }],
    },
  };
}
