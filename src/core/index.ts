/** The renderer core's public surface: topology in; nats.conf, manifests, problems and the budget out. */
export * from './model';
export * from './problems';
export * from './quantity';
export * from './names';
export * from './defaults';
export {
  CLUSTER_FIELDS,
  FIELD_TREE,
  clusterField,
  type ClusterFieldPath,
  type FieldKind,
  type FieldGroup,
  type FieldNode,
  type FieldSpec,
  type Nullable,
} from './format/fields';
export { parseTopology, FORMAT_VERSION, LIMITS, type ParseError, type ParseResult } from './parse/parse-topology';
export { renderNatsConf, LAME_DUCK } from './conf/nats-conf';
export { gatewayRemotes, gatewaySystems, peerMap } from './conf/topology-facts';
export { TEMPLATES, templateById, type Template } from './templates/index';
export type { BundleFile, Passwords } from './bundle/files';
export { renderBundle, BUNDLE_PATHS, type BundleOptions } from './bundle/bundle';
export { serializeTopology } from './bundle/topology-file';
export { generatePasswords, passwordUsers, SAFE_PASSWORD, PASSWORD_PLACEHOLDER } from './bundle/passwords';
export { zipBundle } from './bundle/zip';
export { readPreviousPasswords, MAX_PREVIOUS_BYTES, type PreviousPasswords, type PreviousPasswordsResult } from './bundle/previous-passwords';
export { encodeShareFragment, decodeShareFragment, SHARE_PREFIX, SHARE_LIMITS, type ShareError, type ShareDecodeResult } from './share/share-link';
export {
  budget,
  usableMemoryText,
  vmSizeFor,
  isSizeProblem,
  FIT_LIMITS,
  type VmSize,
  type Budget,
  type BudgetNode,
  type BudgetPending,
  type BudgetTotals,
  type BudgetVm,
  type BudgetJetStream,
  type Usage,
  type Percent,
} from './budget';
export { lint, RULES } from './lint';
export { check, ALL_RULES } from './check/check';
export { checkText, type TextCheck } from './check/check-text';
export { PROBLEM_CODES, codeInfo, codeName, type CodeInfo, type ProblemCode, type ProblemSource } from './check/codes';
export type { Rule } from './check/rule';
export type { Facts } from './check/facts';
export { changes } from './changes/changes';
export { survival, survivalStatement, type SystemSurvival } from './survival/survival';
export { renderLocalTarget, localTargetProblem, LOCAL_BASE_PORT, LOCAL_DIR } from './local';
export { createBundleRenderer, type BundlePlan, type BundleRenderer } from './bundle/incremental';
export { fileMode, isSecretFile, safePathSegment } from './bundle/files';
export { bundleOutputSize, localOutputSize, outputSizeProblem, OUTPUT_LIMITS, type OutputSize } from './bundle/output-size';
