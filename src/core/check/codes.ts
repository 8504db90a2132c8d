/**
 * Every problem code: the lint's, the kind budget's and the day-2 changes', each with its severity, its source, the one
 * rule that emits it, a readable name and a help text.
 *
 * Codes are stable: a code keeps its one meaning forever; a new meaning gets a new code, and a retired one is never
 * reused (M1 and M4 of the budget's table are reported by the lint as LIMIT_MISSING and MEMORY_STORE_*). Severity says
 * what the bundle would do: error = it would not work (the CLI refuses to write it, except on a budget's error: the
 * bundle may be meant for a real cluster), warning = risky, info = worth knowing.
 */
import type { Severity } from '../problems';

/** Who reports a code: the lint (the design), the budget (the design on its kind VM), or the day-2 changes. */
export type ProblemSource = 'lint' | 'budget' | 'change';

export interface CodeInfo {
  severity: Severity;
  source: ProblemSource;
  /** The id of the one rule that emits the code. */
  rule: string;
  /** A few words for headings; UPPER_SNAKE codes without one read as their words. */
  name?: string;
  /** What the code means. */
  help: string;
}

export const PROBLEM_CODES = {
  TOPOLOGY_EMPTY: { severity: 'error', source: 'lint', rule: 'topology-empty', help: 'the topology has no clusters' },
  TOPOLOGY_NAME_INVALID: { severity: 'error', source: 'lint', rule: 'topology-name', help: 'the topology name is not a DNS-1123 label' },
  OUTPUT_TOO_LARGE: {
    severity: 'error',
    source: 'lint',
    rule: 'output-size',
    help: 'the bundle would list too many users over all confs, or be too much text, to render at all',
  },
  NAMESPACE_INVALID: { severity: 'error', source: 'lint', rule: 'namespace', help: 'the namespace is not a DNS-1123 label' },
  CLUSTER_DOMAIN_INVALID: { severity: 'error', source: 'lint', rule: 'cluster-domain', help: 'the Kubernetes cluster domain is not a DNS name' },
  CLUSTER_NAME_INVALID: { severity: 'error', source: 'lint', rule: 'cluster-name', help: 'a cluster name is not a DNS-1123 label' },
  CLUSTER_NAME_TOO_LONG: {
    severity: 'error',
    source: 'lint',
    rule: 'cluster-name',
    help: 'a cluster name is longer than MAX_CLUSTER_NAME (47), so nats-<name> exceeds 52',
  },
  CLUSTER_NAME_DUPLICATE: { severity: 'error', source: 'lint', rule: 'cluster-name-unique', help: 'two clusters share a name' },
  OBJECT_NAME_COLLISION: {
    severity: 'error',
    source: 'lint',
    rule: 'object-name-collision',
    help: 'two clusters derive a Kubernetes object of the same kind and name',
  },
  FILE_NAME_RESERVED: {
    severity: 'error',
    source: 'lint',
    rule: 'file-names',
    help: 'the topology or a cluster is named like a Windows device (con, nul, com1…, any case, any extension)',
  },
  FILE_NAME_CASE_COLLISION: {
    severity: 'error',
    source: 'lint',
    rule: 'file-names',
    help: 'two cluster names differ only in case: one file on case-insensitive file systems',
  },
  LABEL_VALUE_INVALID: { severity: 'error', source: 'lint', rule: 'location-labels', help: 'a cluster region or zone is not a valid label value' },
  JETSTREAM_CLUSTER_TOO_SMALL: {
    severity: 'warning',
    source: 'lint',
    rule: 'jetstream-cluster-size',
    help: 'a JetStream cluster has 1 or 2 servers: no failure tolerated',
  },
  JETSTREAM_CLUSTER_EVEN: {
    severity: 'warning',
    source: 'lint',
    rule: 'jetstream-cluster-size',
    help: 'a JetStream cluster has an even number (≥4) of servers: no more tolerance than one fewer',
  },
  JETSTREAM_META_GROUP_EVEN: {
    severity: 'info',
    source: 'lint',
    rule: 'meta-group-size',
    help: 'gateway-connected clusters sum to an even JetStream meta group',
  },
  JETSTREAM_CLUSTER_LOSS: {
    severity: 'warning',
    source: 'lint',
    rule: 'jetstream-cluster-loss',
    help: 'losing one whole cluster leaves the meta group no quorum: JetStream stops everywhere',
  },
  GATEWAY_UNKNOWN_CLUSTER: { severity: 'error', source: 'lint', rule: 'gateway-unknown-cluster', help: 'a gateway link names a cluster that does not exist' },
  GATEWAY_SELF_LINK: { severity: 'error', source: 'lint', rule: 'gateway-self-link', help: 'a gateway link joins a cluster to itself' },
  GATEWAY_DUPLICATE: { severity: 'warning', source: 'lint', rule: 'gateway-duplicate', help: 'a pair of clusters is linked more than once (either direction)' },
  GATEWAY_SEPARATE_SYSTEM: {
    severity: 'warning',
    source: 'lint',
    rule: 'gateway-separate-system',
    help: 'some clusters are not gateway-connected to the rest: separate systems',
  },
  TLS_GATEWAY_MISMATCH: {
    severity: 'error',
    source: 'lint',
    rule: 'tls-gateway-mismatch',
    name: 'Gateway TLS off on a peer',
    help: 'a cluster has gateway TLS off while another cluster of its gateway system has it on: their gateways never form',
  },
  GATEWAY_UNREACHABLE: {
    severity: 'error',
    source: 'lint',
    rule: 'placement',
    name: 'Gateway with no reachable address',
    help: 'a peer in another Kubernetes cluster dials a cluster that has no gateway address, only in-cluster names it cannot reach',
  },
  GATEWAY_ADDRESS_INVALID: { severity: 'error', source: 'lint', rule: 'placement', help: 'a gateway address is neither a DNS name nor an IP address' },
  GATEWAY_NODE_PORT_MISSING: { severity: 'error', source: 'lint', rule: 'placement', help: 'a gateway exposed on a NodePort names no node port' },
  KUBE_CONTEXT_FOLDER_COLLISION: {
    severity: 'error',
    source: 'lint',
    rule: 'placement',
    help: 'two kube contexts would share one overlay folder of the bundle (a context named "default" and clusters that name none)',
  },
  JETSTREAM_DOMAIN_INVALID: {
    severity: 'error',
    source: 'lint',
    rule: 'jetstream-domain',
    help: 'the JetStream domain is not [A-Za-z0-9_-]+; the server refuses it',
  },
  LEAF_UNKNOWN_CLUSTER: {
    severity: 'error',
    source: 'lint',
    rule: 'leafnode-links',
    help: 'a leafnode link names a cluster that does not exist',
  },
  LEAF_LOOP: {
    severity: 'error',
    source: 'lint',
    rule: 'leafnode-links',
    help: 'a leafnode link closes a loop: to itself, inside one gateway system, or back through other leaf links',
  },
  LEAF_SECOND_HUB: { severity: 'error', source: 'lint', rule: 'leafnode-links', help: 'a leaf cluster has more than one hub' },
  LEAF_CROSS_CONTEXT: {
    severity: 'error',
    source: 'lint',
    rule: 'leafnode-links',
    help: "a leaf and its hub run in different kube contexts; the leaf dials the hub's in-cluster address, so both must share one",
  },
  LEAF_DOMAIN_SHARED: {
    severity: 'error',
    source: 'lint',
    rule: 'leafnode-links',
    help: 'a leaf and its hub share a JetStream domain, or the hub has none',
  },
  TLS_LEAFNODE_MISMATCH: {
    severity: 'error',
    source: 'lint',
    rule: 'tls-leafnode-mismatch',
    name: 'Leafnode TLS off on one side',
    help: 'a leaf cluster and its hub disagree on leafnode TLS: the handshake fails and the leaf never reaches its hub',
  },
  DOMAIN_SPLIT: {
    severity: 'error',
    source: 'lint',
    rule: 'domain-split',
    help: 'clusters joined by gateways have different JetStream domains',
  },
  JETSTREAM_DOMAIN_IGNORED: { severity: 'warning', source: 'lint', rule: 'jetstream-disabled', help: 'a JetStream domain is set while JetStream is disabled' },
  JETSTREAM_ACCOUNT_IGNORED: {
    severity: 'warning',
    source: 'lint',
    rule: 'jetstream-disabled',
    help: 'an account has jetstream: true while JetStream is disabled',
  },
  JETSTREAM_NO_ACCOUNT: { severity: 'info', source: 'lint', rule: 'jetstream-no-account', help: 'JetStream is on, accounts exist, and none may use JetStream' },
  FILE_STORE_EXCEEDS_VOLUME: { severity: 'error', source: 'lint', rule: 'file-store-size', help: 'the JetStream file store is larger than its volume' },
  FILE_STORE_NO_HEADROOM: { severity: 'warning', source: 'lint', rule: 'file-store-size', help: 'the JetStream file store is above 90% of its volume' },
  MEMORY_STORE_EXCEEDS_LIMIT: {
    severity: 'error',
    source: 'lint',
    rule: 'memory-store-size',
    help: 'the JetStream memory store is at or above the memory limit',
  },
  MEMORY_STORE_HIGH: { severity: 'warning', source: 'lint', rule: 'memory-store-size', help: 'the JetStream memory store is above 50% of the memory limit' },
  STORAGE_CLASS_INVALID: { severity: 'error', source: 'lint', rule: 'storage-class', help: 'a JetStream storage class is not a DNS-1123 subdomain' },
  LIMIT_BELOW_REQUEST: { severity: 'error', source: 'lint', rule: 'limit-below-request', help: 'a CPU or memory limit is below its request' },
  LIMIT_MISSING: { severity: 'warning', source: 'lint', rule: 'limit-missing', help: 'a cluster has no CPU or no memory limit' },
  REQUEST_MISSING: { severity: 'warning', source: 'lint', rule: 'request-missing', help: 'a cluster neither requests nor limits CPU or memory' },
  IMAGE_INVALID: { severity: 'error', source: 'lint', rule: 'image-reference', help: 'the image is not a valid image reference' },
  IMAGE_TAG_FLOATING: { severity: 'warning', source: 'lint', rule: 'image-tag', help: 'the image tag is missing, latest, or not a full version' },
  IMAGE_TOO_OLD: { severity: 'error', source: 'lint', rule: 'image-version', help: 'the nats image is older than 2.9.10 (split /healthz probes)' },
  IMAGE_WINDOWS: { severity: 'error', source: 'lint', rule: 'image-platform', help: 'the image tag is a Windows image' },
  IMAGE_UNKNOWN: { severity: 'info', source: 'lint', rule: 'image-unknown', help: 'the image is not the official nats image; version and layout unchecked' },
  ACCOUNT_NAME_INVALID: { severity: 'error', source: 'lint', rule: 'account-name', help: 'an account name does not match ^[A-Za-z][A-Za-z0-9_-]{0,63}$' },
  ACCOUNT_NAME_RESERVED: { severity: 'error', source: 'lint', rule: 'account-name', help: 'an account name is reserved (SYS in any case, $SYS, $G, GLOBAL)' },
  ACCOUNT_NAME_PASSWORD_VARIABLE: {
    severity: 'error',
    source: 'lint',
    rule: 'account-name',
    help: 'an account name starts with NATS_PASSWORD_: the server would read it as a password variable',
  },
  ACCOUNT_DUPLICATE: { severity: 'error', source: 'lint', rule: 'account-unique', help: 'two accounts share a name' },
  ACCOUNT_NO_USERS: { severity: 'info', source: 'lint', rule: 'account-users', help: 'an account has no users' },
  USER_NAME_INVALID: { severity: 'error', source: 'lint', rule: 'user-name', help: 'a user name does not match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' },
  USER_NAME_RESERVED: { severity: 'error', source: 'lint', rule: 'user-name', help: 'a user is named sys, the rendered system user' },
  USER_DUPLICATE: { severity: 'error', source: 'lint', rule: 'user-unique', help: 'a user name appears more than once across accounts' },
  USER_PASSWORD_ENV_CLASH: { severity: 'error', source: 'lint', rule: 'password-env-clash', help: 'distinct users map to one password environment variable' },
  AUTH_NONE: { severity: 'info', source: 'lint', rule: 'authentication', help: 'no account has users: clients connect without authentication' },
  JETSTREAM_UNREACHABLE: {
    severity: 'warning',
    source: 'lint',
    rule: 'authentication',
    help: 'accounts exist but none has users, so every client lands in $G, which has no JetStream',
  },
  // The kind budget (docs/kind-budget.md, "The rules").
  S1: {
    severity: 'error',
    source: 'budget',
    rule: 'scheduling',
    name: 'Pod larger than any node',
    help: 'a pod requests more than any node it may run on has: it can never fit',
  },
  S2: {
    severity: 'error',
    source: 'budget',
    rule: 'scheduling',
    name: 'Pods left Pending',
    help: 'the placement leaves pods Pending for lack of CPU or memory',
  },
  S3: {
    severity: 'error',
    source: 'budget',
    rule: 'scheduling',
    name: 'Anti-affinity without enough nodes',
    help: 'required anti-affinity with more replicas than eligible nodes: one pod per node',
  },
  S4: {
    severity: 'error',
    source: 'budget',
    rule: 'scheduling',
    name: 'Spread capped by the control plane',
    help: '`DoNotSchedule` spread with the tainted control plane counted: each worker caps at `maxSkew`',
  },
  S5: {
    severity: 'error',
    source: 'budget',
    rule: 'scheduling',
    name: 'Host port on too few nodes',
    help: 'more pods with one host port than eligible nodes: one per node',
  },
  S6: { severity: 'error', source: 'budget', rule: 'scheduling', name: 'Too many pods on a node', help: "more pods on a node than `maxPods`, kubelet's cap" },
  S7: {
    severity: 'warning',
    source: 'budget',
    rule: 'scheduling',
    name: 'Node nearly full',
    help: "a node's requests at 85% or more after placement: the next rollout or app goes Pending",
  },
  S8: { severity: 'info', source: 'budget', rule: 'scheduling', name: 'NATS on workers only', help: 'NATS pods only on workers: where capacity is counted' },
  H1: {
    severity: 'error',
    source: 'budget',
    rule: 'host-memory-requests',
    name: 'Memory requests over the usable memory',
    help: "on several nodes, the requests' memory exceeds the VM's usable memory: the scheduler over-commits the one VM; OOM kills follow",
  },
  H1w: {
    severity: 'warning',
    source: 'budget',
    rule: 'host-memory-requests',
    name: 'Memory requests near the usable memory',
    help: "the requests' memory exceeds 80% of the VM's usable memory: little room for the control plane and page cache",
  },
  H2: {
    severity: 'warning',
    source: 'budget',
    rule: 'host-cpu-requests',
    name: 'VM CPU over-committed',
    help: "on several nodes, the requests' CPU exceeds the VM's: probes time out, etcd slows",
  },
  H3: {
    severity: 'warning',
    source: 'budget',
    rule: 'host-memory-limits',
    name: 'Memory limits over the usable memory',
    help: "the limits' memory exceeds the VM's usable memory (high above 2×): bursts meet the VM's OOM killer; kind has no memory eviction",
  },
  H4: {
    severity: 'info',
    source: 'budget',
    rule: 'host-cpu-limits',
    name: 'CPU limits above the VM',
    help: "the limits' CPU exceeds the VM's: throttling only",
  },
  H5: {
    severity: 'info',
    source: 'budget',
    rule: 'provider-default',
    name: 'VM at its default size',
    help: "the VM is at its provider's default size: defaults are small; the fix says how to grow it",
  },
  M5: {
    severity: 'warning',
    source: 'budget',
    rule: 'memory-stores-vs-vm',
    name: 'Memory stores above the VM',
    help: "all memory stores together exceed half the VM's usable memory: filling them all would OOM the VM",
  },
  D1: {
    severity: 'warning',
    source: 'budget',
    rule: 'disk',
    name: 'VM disk nearly full',
    help: "the disk the design can fill exceeds 70% of the VM's disk (high above 100%): local-path does not enforce sizes; a full disk breaks etcd",
  },
  D3: {
    severity: 'info',
    source: 'budget',
    rule: 'local-path',
    name: 'Volume sizes not enforced',
    help: "JetStream volumes on kind's local-path StorageClass: the claim's size is not a quota, max_file_store is",
  },
  N1: {
    severity: 'info',
    source: 'budget',
    rule: 'small-cluster',
    name: 'Too few servers for R3',
    help: 'a JetStream cluster has fewer than 3 servers: only streams of fewer replicas can be placed there',
  },
  N2: {
    severity: 'info',
    source: 'budget',
    rule: 'one-node',
    name: 'Servers share one node',
    help: "a cluster's servers all share one node: no failure isolation (expected on kind)",
  },
  K1: {
    severity: 'info',
    source: 'budget',
    rule: 'one-context',
    name: 'Budget covers one kube context',
    help: "the design spans several Kubernetes clusters; the kind budget checks only the first cluster's kube context",
  },
  // Day-2 changes: applying a new design over a running one.
  CHANGE_NAMESPACE: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    help: 'the namespace changes: every cluster is created anew, the old ones keep running',
  },
  CHANGE_SERVER_AUTH: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    help: 'route and gateway auth is switched on or off: every cluster rolls, and restarted and waiting servers refuse each other meanwhile',
  },
  CHANGE_KUBE_CONTEXT: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    help: 'a cluster moves to another Kubernetes cluster: it is created anew there, the old servers keep running',
  },
  CHANGE_CLUSTER_REMOVED: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    help: 'a running cluster is gone from the design: it keeps running, gatewayed and voting, until pruned',
  },
  CHANGE_JETSTREAM_MODE: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    help: "a cluster switches between standalone and clustered JetStream, which do not see each other's streams",
  },
  CHANGE_VOLUME: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    help: 'a volume size or storage class changes, which Kubernetes refuses for a StatefulSet',
  },
  CHANGE_SWITCHED_OFF: {
    severity: 'info',
    source: 'change',
    rule: 'changes',
    help: 'monitoring or nats-box is switched off: kubectl apply does not delete the PodMonitors or the Deployment it added',
  },
  CHANGE_TLS: {
    severity: 'warning',
    source: 'change',
    rule: 'changes',
    name: 'TLS switched on a running cluster',
    help: "a TLS switch (clients, routes, gateways or leafnodes) of a running cluster flips: the rolling restart splits that protocol's connections, a leaf from its hub included, until every side has restarted",
  },
} as const satisfies Record<string, CodeInfo>;

/** Every code a problem may carry. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** The code's entry; a code is always one of {@link PROBLEM_CODES}. */
export function codeInfo(code: ProblemCode): CodeInfo {
  return PROBLEM_CODES[code];
}

/** A readable name: the entry's, or the code's words (`MEMORY_STORE_HIGH` → "Memory store high"). */
export function codeName(code: ProblemCode): string {
  const info: CodeInfo = PROBLEM_CODES[code];
  if (info.name) return info.name;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
