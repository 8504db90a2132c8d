/** The local target: every server of a topology on 127.0.0.1, started and stopped by two shell scripts. */
export { renderLocalTarget, LOCAL_DIR } from './local-target';
export { localAddressing, LOCAL_PATHS } from './addressing';
export {
  localServers,
  localTargetProblem,
  LOCAL_BASE_PORT,
  LOCAL_PORT_BLOCK,
  LOCAL_PORT_OFFSETS,
  LOCAL_HOST,
  type LocalOptions,
  type LocalServer,
} from './plan';
export { passwordVariables, renderSecretsEnv, type PasswordVariable } from './secrets-env';
export { STOP_GRACE_SECONDS } from './scripts';
export { BASE_PORT_FLAG } from './readme';
