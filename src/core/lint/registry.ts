/**
 * Every lint rule, and every problem code the rules emit.
 *
 * Codes are stable: a code keeps its one meaning forever; a new meaning gets a new code. Severity says what the
 * bundle would do: error = it would not work (the CLI refuses to write it), warning = risky, info = worth knowing.
 */
import type { Severity } from '../problems';
import type { LintRule } from './rule';
import { accountName } from './rules/account-name';
import { accountUnique } from './rules/account-unique';
import { accountUsers } from './rules/account-users';
import { authentication } from './rules/authentication';
import { clusterDomain } from './rules/cluster-domain';
import { clusterName } from './rules/cluster-name';
import { clusterNameUnique } from './rules/cluster-name-unique';
import { fileNames } from './rules/file-names';
import { fileStoreSize } from './rules/file-store-size';
import { gatewayDuplicate } from './rules/gateway-duplicate';
import { gatewaySelfLink } from './rules/gateway-self-link';
import { gatewaySeparateSystem } from './rules/gateway-separate-system';
import { gatewayUnknownCluster } from './rules/gateway-unknown-cluster';
import { imagePlatform } from './rules/image-platform';
import { imageReference } from './rules/image-reference';
import { imageTag } from './rules/image-tag';
import { imageUnknown } from './rules/image-unknown';
import { imageVersion } from './rules/image-version';
import { jetstreamClusterLoss } from './rules/jetstream-cluster-loss';
import { jetstreamClusterSize } from './rules/jetstream-cluster-size';
import { jetstreamDisabled } from './rules/jetstream-disabled';
import { jetstreamDomain } from './rules/jetstream-domain';
import { jetstreamNoAccount } from './rules/jetstream-no-account';
import { limitBelowRequest } from './rules/limit-below-request';
import { limitMissing } from './rules/limit-missing';
import { locationLabels } from './rules/location-labels';
import { memoryStoreSize } from './rules/memory-store-size';
import { metaGroupSize } from './rules/meta-group-size';
import { namespace } from './rules/namespace';
import { objectNameCollision } from './rules/object-name-collision';
import { outputSize } from './rules/output-size';
import { passwordEnvClash } from './rules/password-env-clash';
import { requestMissing } from './rules/request-missing';
import { storageClass } from './rules/storage-class';
import { topologyEmpty } from './rules/topology-empty';
import { topologyName } from './rules/topology-name';
import { userName } from './rules/user-name';
import { userUnique } from './rules/user-unique';

/** A problem code: its severity, the rule that emits it, and what it means. */
export interface CodeInfo {
  severity: Severity;
  rule: string;
  meaning: string;
}

/** The code table. A test checks that rules emit exactly these codes, with these severities. */
export const PROBLEM_CODES = {
  // code                        severity               rule                             meaning
  TOPOLOGY_EMPTY:              { severity: 'error',   rule: 'topology-empty',          meaning: 'the topology has no clusters' },
  TOPOLOGY_NAME_INVALID:       { severity: 'error',   rule: 'topology-name',           meaning: 'the topology name is not a DNS-1123 label' },
  OUTPUT_TOO_LARGE:            { severity: 'error',   rule: 'output-size',             meaning: 'the bundle would list too many users over all confs, or be too much text, to render at all' },
  NAMESPACE_INVALID:           { severity: 'error',   rule: 'namespace',               meaning: 'the namespace is not a DNS-1123 label' },
  CLUSTER_DOMAIN_INVALID:      { severity: 'error',   rule: 'cluster-domain',          meaning: 'the Kubernetes cluster domain is not a DNS name' },
  CLUSTER_NAME_INVALID:        { severity: 'error',   rule: 'cluster-name',            meaning: 'a cluster name is not a DNS-1123 label' },
  CLUSTER_NAME_TOO_LONG:       { severity: 'error',   rule: 'cluster-name',            meaning: 'a cluster name is longer than MAX_CLUSTER_NAME (47), so nats-<name> exceeds 52' },
  CLUSTER_NAME_DUPLICATE:      { severity: 'error',   rule: 'cluster-name-unique',     meaning: 'two clusters share a name' },
  OBJECT_NAME_COLLISION:       { severity: 'error',   rule: 'object-name-collision',   meaning: 'two clusters derive a Kubernetes object of the same kind and name' },
  FILE_NAME_RESERVED:          { severity: 'error',   rule: 'file-names',              meaning: 'the topology or a cluster is named like a Windows device (con, nul, com1…, any case, any extension)' },
  FILE_NAME_CASE_COLLISION:    { severity: 'error',   rule: 'file-names',              meaning: 'two cluster names differ only in case: one file on case-insensitive file systems' },
  LABEL_VALUE_INVALID:         { severity: 'error',   rule: 'location-labels',         meaning: 'a cluster region or zone is not a valid label value' },
  JETSTREAM_CLUSTER_TOO_SMALL: { severity: 'warning', rule: 'jetstream-cluster-size',  meaning: 'a JetStream cluster has 1 or 2 servers: no failure tolerated' },
  JETSTREAM_CLUSTER_EVEN:      { severity: 'warning', rule: 'jetstream-cluster-size',  meaning: 'a JetStream cluster has an even number (≥4) of servers: no more tolerance than one fewer' },
  JETSTREAM_META_GROUP_EVEN:   { severity: 'info',    rule: 'meta-group-size',         meaning: 'gateway-connected clusters sum to an even JetStream meta group' },
  JETSTREAM_CLUSTER_LOSS:      { severity: 'warning', rule: 'jetstream-cluster-loss',  meaning: 'losing one whole cluster leaves the meta group no quorum: JetStream stops everywhere' },
  GATEWAY_UNKNOWN_CLUSTER:     { severity: 'error',   rule: 'gateway-unknown-cluster', meaning: 'a gateway link names a cluster that does not exist' },
  GATEWAY_SELF_LINK:           { severity: 'error',   rule: 'gateway-self-link',       meaning: 'a gateway link joins a cluster to itself' },
  GATEWAY_DUPLICATE:           { severity: 'warning', rule: 'gateway-duplicate',       meaning: 'a pair of clusters is linked more than once (either direction)' },
  GATEWAY_SEPARATE_SYSTEM:     { severity: 'warning', rule: 'gateway-separate-system', meaning: 'some clusters are not gateway-connected to the rest: separate systems' },
  JETSTREAM_DOMAIN_INVALID:    { severity: 'error',   rule: 'jetstream-domain',        meaning: 'the JetStream domain is not [A-Za-z0-9_-]+; the server refuses it' },
  JETSTREAM_DOMAIN_IGNORED:    { severity: 'warning', rule: 'jetstream-disabled',      meaning: 'a JetStream domain is set while JetStream is disabled' },
  JETSTREAM_ACCOUNT_IGNORED:   { severity: 'warning', rule: 'jetstream-disabled',      meaning: 'an account has jetstream: true while JetStream is disabled' },
  JETSTREAM_NO_ACCOUNT:        { severity: 'info',    rule: 'jetstream-no-account',    meaning: 'JetStream is on, accounts exist, and none may use JetStream' },
  FILE_STORE_EXCEEDS_VOLUME:   { severity: 'error',   rule: 'file-store-size',         meaning: 'the JetStream file store is larger than its volume' },
  FILE_STORE_NO_HEADROOM:      { severity: 'warning', rule: 'file-store-size',         meaning: 'the JetStream file store is above 90% of its volume' },
  MEMORY_STORE_EXCEEDS_LIMIT:  { severity: 'error',   rule: 'memory-store-size',       meaning: 'the JetStream memory store is at or above the memory limit' },
  MEMORY_STORE_HIGH:           { severity: 'warning', rule: 'memory-store-size',       meaning: 'the JetStream memory store is above 50% of the memory limit' },
  STORAGE_CLASS_INVALID:       { severity: 'error',   rule: 'storage-class',           meaning: 'a JetStream storage class is not a DNS-1123 subdomain' },
  LIMIT_BELOW_REQUEST:         { severity: 'error',   rule: 'limit-below-request',     meaning: 'a CPU or memory limit is below its request' },
  LIMIT_MISSING:               { severity: 'warning', rule: 'limit-missing',           meaning: 'a cluster has no CPU or no memory limit' },
  REQUEST_MISSING:             { severity: 'warning', rule: 'request-missing',         meaning: 'a cluster neither requests nor limits CPU or memory' },
  IMAGE_INVALID:               { severity: 'error',   rule: 'image-reference',         meaning: 'the image is not a valid image reference' },
  IMAGE_TAG_FLOATING:          { severity: 'warning', rule: 'image-tag',               meaning: 'the image tag is missing, latest, or not a full version' },
  IMAGE_TOO_OLD:               { severity: 'error',   rule: 'image-version',           meaning: 'the nats image is older than 2.9.10 (split /healthz probes)' },
  IMAGE_WINDOWS:               { severity: 'error',   rule: 'image-platform',          meaning: 'the image tag is a Windows image' },
  IMAGE_UNKNOWN:               { severity: 'info',    rule: 'image-unknown',           meaning: 'the image is not the official nats image; version and layout unchecked' },
  ACCOUNT_NAME_INVALID:        { severity: 'error',   rule: 'account-name',            meaning: 'an account name does not match ^[A-Za-z][A-Za-z0-9_-]{0,63}$' },
  ACCOUNT_NAME_RESERVED:       { severity: 'error',   rule: 'account-name',            meaning: 'an account name is reserved (SYS in any case, $SYS, $G, GLOBAL)' },
  ACCOUNT_NAME_PASSWORD_VARIABLE: { severity: 'error', rule: 'account-name',          meaning: 'an account name starts with NATS_PASSWORD_: the server would read it as a password variable' },
  ACCOUNT_DUPLICATE:           { severity: 'error',   rule: 'account-unique',          meaning: 'two accounts share a name' },
  ACCOUNT_NO_USERS:            { severity: 'info',    rule: 'account-users',           meaning: 'an account has no users' },
  USER_NAME_INVALID:           { severity: 'error',   rule: 'user-name',               meaning: 'a user name does not match ^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' },
  USER_NAME_RESERVED:          { severity: 'error',   rule: 'user-name',               meaning: 'a user is named sys, the rendered system user' },
  USER_DUPLICATE:              { severity: 'error',   rule: 'user-unique',             meaning: 'a user name appears more than once across accounts' },
  USER_PASSWORD_ENV_CLASH:     { severity: 'error',   rule: 'password-env-clash',      meaning: 'distinct users map to one password environment variable' },
  AUTH_NONE:                   { severity: 'info',    rule: 'authentication',          meaning: 'no account has users: clients connect without authentication' },
  JETSTREAM_UNREACHABLE:       { severity: 'warning', rule: 'authentication',          meaning: 'accounts exist but none has users, so every client lands in $G, which has no JetStream' },
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Every rule, in the order their checks run (the output is sorted anyway). */
export const RULES: readonly LintRule[] = [
  topologyEmpty,
  topologyName,
  outputSize,
  namespace,
  clusterDomain,
  clusterName,
  clusterNameUnique,
  objectNameCollision,
  fileNames,
  locationLabels,
  jetstreamClusterSize,
  metaGroupSize,
  jetstreamClusterLoss,
  gatewayUnknownCluster,
  gatewaySelfLink,
  gatewayDuplicate,
  gatewaySeparateSystem,
  jetstreamDomain,
  jetstreamDisabled,
  jetstreamNoAccount,
  fileStoreSize,
  memoryStoreSize,
  storageClass,
  limitBelowRequest,
  limitMissing,
  requestMissing,
  imageReference,
  imageTag,
  imageVersion,
  imagePlatform,
  imageUnknown,
  accountName,
  accountUnique,
  accountUsers,
  userName,
  userUnique,
  passwordEnvClash,
  authentication,
];
