/**
 * Numbers the budget assumes rather than reads (docs/kind-budget.md, "The model"). They are guesses to
 * calibrate against `podman stats` / `docker stats` on an idle cluster, kept in one place so the CLI and the
 * UI can show them next to the figures they shape.
 */

import { GiB, MiB } from '../quantity';

export const ASSUMPTIONS = {
  /** The VM's own kernel and services. */
  vmOsReserveBytes: 512 * MiB,
  /** kubelet, containerd and systemd inside every kind node container. */
  perNodeAgentBytes: 300 * MiB,
  /** Control-plane RSS above its requests: apiserver and etcd request almost no memory but use plenty. */
  controlPlaneRssBytes: 500 * MiB,
  /** Container images kept by each node's containerd (NATS, kind's own, a few apps). */
  imageBytesPerNode: 1 * GiB,
  /** etcd data and container logs on the VM disk. */
  etcdAndLogsBytes: 2 * GiB,
  /** kubelet's default `maxPods`; kind does not change it. */
  maxPodsPerNode: 110,
  /** The baseline pods are kind's up to this release (kindnet still has limits). */
  kindVersion: 'v0.32',
} as const;
