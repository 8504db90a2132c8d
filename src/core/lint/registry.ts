/** Every lint rule; the codes they emit are in `check/codes.ts`, with the budget's and the day-2 changes'. */
import type { Rule } from '../check/rule';
import { accountName } from './rules/account-name';
import { accountUnique } from './rules/account-unique';
import { accountUsers } from './rules/account-users';
import { authentication } from './rules/authentication';
import { clusterDomain } from './rules/cluster-domain';
import { clusterName } from './rules/cluster-name';
import { clusterNameUnique } from './rules/cluster-name-unique';
import { domainSplit } from './rules/domain-split';
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
import { leafnodeLinks } from './rules/leafnode-links';
import { limitBelowRequest } from './rules/limit-below-request';
import { limitMissing } from './rules/limit-missing';
import { locationLabels } from './rules/location-labels';
import { memoryStoreSize } from './rules/memory-store-size';
import { metaGroupSize } from './rules/meta-group-size';
import { namespace } from './rules/namespace';
import { objectNameCollision } from './rules/object-name-collision';
import { outputSize } from './rules/output-size';
import { passwordEnvClash } from './rules/password-env-clash';
import { placement } from './rules/placement';
import { requestMissing } from './rules/request-missing';
import { storageClass } from './rules/storage-class';
import { tlsGatewayMismatch } from './rules/tls-gateway-mismatch';
import { tlsLeafnodeMismatch } from './rules/tls-leafnode-mismatch';
import { topologyEmpty } from './rules/topology-empty';
import { topologyName } from './rules/topology-name';
import { userName } from './rules/user-name';
import { userUnique } from './rules/user-unique';

/** Every rule, in the order their checks run (the output is sorted anyway). */
export const RULES: readonly Rule[] = [
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
  tlsGatewayMismatch,
  placement,
  jetstreamDomain,
  leafnodeLinks,
  tlsLeafnodeMismatch,
  domainSplit,
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
