/** The renderer core's public surface: topology in; nats.conf, manifests, problems and the budget out. */
export * from './model';
export * from './problems';
export * from './quantity';
export * from './names';
export * from './defaults';
export { parseTopology, FORMAT_VERSION, LIMITS, type ParseError, type ParseResult } from './parse/parse-topology';
export { renderNatsConf, LAME_DUCK } from './conf/nats-conf';
export { linkedClusters, gatewaySystems } from './conf/topology-facts';
export { TEMPLATES, templateById, type Template } from './templates/index';
export type { BundleFile, Passwords } from './bundle/files';
export { renderBundle, BUNDLE_PATHS, type BundleOptions } from './bundle/bundle';
export { serializeTopology } from './bundle/topology-file';
export { generatePasswords, passwordUsers, SAFE_PASSWORD, PASSWORD_PLACEHOLDER } from './bundle/passwords';
export { zipBundle } from './bundle/zip';
export { encodeShareFragment, decodeShareFragment, SHARE_PREFIX, SHARE_LIMITS, type ShareError, type ShareDecodeResult } from './share/share-link';
export { budget, type Budget, type BudgetNode, type BudgetPending, type BudgetTotals, type BudgetVm, type BudgetJetStream, type Usage, type Percent } from './budget';
export { lint, RULES, PROBLEM_CODES } from './lint';
export { renderLocalTarget, LOCAL_BASE_PORT } from './local';
