import { fillDefaults } from './format/fields';
import type { ClusterSettings, KindProvider } from './model';

/**
 * The nats-server release a bundle deploys by default, and the one the tests build from its Go module and run
 * beside Debian's 2.9.10 (`scripts/install-test-tools.sh` reads this line). The latest patch of the 2.14 line, the
 * line of the Helm chart whose settings we follow (ARCHITECTURE.md, "The server version").
 */
export const NATS_SERVER_VERSION = '2.14.9';

/** The server image we render by default: {@link NATS_SERVER_VERSION}, pinned, on Alpine (it has a shell for preStop). */
export const DEFAULT_IMAGE = `nats:${NATS_SERVER_VERSION}-alpine`;

/** Kubernetes' default cluster DNS domain; clusters set up with another (kubelet `clusterDomain`) must say so. */
export const DEFAULT_CLUSTER_DOMAIN = 'cluster.local';

/** What every cluster inherits when the file has no `defaults:`: the defaults of the field table. */
export const DEFAULT_CLUSTER_SETTINGS = fillDefaults() as unknown as ClusterSettings;

export interface ProviderPreset {
  label: string;
  cpus: number;
  memory: string;
  disk: string;
  /** True when these numbers are the runtime's documented defaults; false when they are our guess. */
  documented: boolean;
  /** How to give the VM more room. */
  resize: string;
  /** How to give the VM exactly this size (whole CPUs, MiB of memory). */
  resizeTo: (cpus: number, memoryMiB: number) => string;
}

/** `9216` MiB → "9 GiB" (whole GiB: the sizes we propose), else "9300 MiB". */
function gib(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024} GiB` : `${mib} MiB`;
}

/** Default VM sizes of local container runtimes (docs/kind-budget.md, "Default VM sizes"). */
export const PROVIDERS: Record<KindProvider, ProviderPreset> = {
  'docker-desktop': {
    label: 'Docker Desktop',
    cpus: 4,
    memory: '8Gi',
    disk: '64Gi',
    documented: false,
    resize: 'Docker Desktop › Settings › Resources: raise CPUs and Memory, then Apply & restart.',
    resizeTo: (c, m) => `Docker Desktop › Settings › Resources: CPUs ${c}, Memory ${gib(m)}, then Apply & restart.`,
  },
  podman: {
    label: 'podman machine',
    cpus: 4,
    memory: '2Gi',
    disk: '100Gi',
    documented: true,
    resize: 'podman machine stop; podman machine set --cpus 6 --memory 12288; podman machine start',
    resizeTo: (c, m) => `podman machine stop; podman machine set --cpus ${c} --memory ${m}; podman machine start`,
  },
  'podman-desktop': {
    label: 'Podman Desktop',
    cpus: 4,
    memory: '4Gi',
    disk: '100Gi',
    documented: true,
    resize: 'Podman Desktop › Settings › Resources › Podman machine: raise CPUs and Memory.',
    resizeTo: (c, m) => `Podman Desktop › Settings › Resources › Podman machine: CPUs ${c}, Memory ${gib(m)}.`,
  },
  colima: {
    label: 'Colima',
    cpus: 2,
    memory: '2Gi',
    disk: '100Gi',
    documented: true,
    resize: 'colima stop; colima start --cpu 6 --memory 12',
    resizeTo: (c, m) => `colima stop; colima start --cpu ${c} --memory ${Math.ceil(m / 1024)}`,
  },
  'rancher-desktop': {
    label: 'Rancher Desktop',
    cpus: 2,
    memory: '2Gi',
    disk: '100Gi',
    documented: true,
    resize: 'Rancher Desktop › Preferences › Virtual Machine: raise CPUs and Memory.',
    resizeTo: (c, m) => `Rancher Desktop › Preferences › Virtual Machine: CPUs ${c}, Memory ${gib(m)}.`,
  },
  orbstack: {
    label: 'OrbStack',
    cpus: 4,
    memory: '8Gi',
    disk: '100Gi',
    documented: false,
    resize: 'orb config set cpu 6; orb config set memory_mib 12288',
    resizeTo: (c, m) => `orb config set cpu ${c}; orb config set memory_mib ${m}`,
  },
  linux: {
    label: 'Linux (no VM)',
    cpus: 4,
    memory: '8Gi',
    disk: '100Gi',
    documented: false,
    resize: 'No VM: kind shares the host. Free host memory or use a larger machine.',
    resizeTo: (c, m) => `No VM: kind shares the host, which needs ${c} CPUs and ${gib(m)} of memory free.`,
  },
};

export const KIND_PROVIDERS = Object.keys(PROVIDERS) as KindProvider[];

/**
 * The Prometheus NATS exporter the monitoring switch adds beside every server: the tag the NATS Helm chart 2.14.2
 * pins (docs/monitoring.md says why this one).
 */
export const EXPORTER_IMAGE = 'natsio/prometheus-nats-exporter:0.20.1';

/** The nats-box (natsio's image with the nats CLI) of the `natsBox` switch: the tag the same chart pins. */
export const NATS_BOX_IMAGE = 'natsio/nats-box:0.19.7';

/**
 * What the exporter sidecar and the nats-box pod ask for and may use. Both are small Go programs that idle; the
 * numbers leave headroom over what they use (docs/monitoring.md) and count in the kind budget.
 */
export const EXPORTER_RESOURCES = { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '64Mi' } } as const;
export const NATS_BOX_RESOURCES = { requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '200m', memory: '128Mi' } } as const;
