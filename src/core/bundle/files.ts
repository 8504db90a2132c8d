import { hash53 } from '../hash';

/** One file of a rendered bundle; paths are relative to the bundle's top folder and use '/'. */
export interface BundleFile {
  path: string;
  content: string;
}

/**
 * Passwords by user name (the system user included). They go only into the Secret and local/secrets.env. A Map, not
 * an object: a user may be called `constructor` or `__proto__`, which an object lookup would answer with what every
 * object inherits.
 */
export type Passwords = ReadonlyMap<string, string>;

/** The files that hold passwords: the Kubernetes Secret and the local target's environment file. */
const SECRET_FILES: ReadonlySet<string> = new Set(['secret.yaml', 'local/secrets.env']);

export function isSecretFile(path: string): boolean {
  return SECRET_FILES.has(path);
}

/**
 * The permissions a bundle file gets on disk and in the zip: only its owner may read a file with passwords, the
 * scripts are executable, everything else is readable by all.
 */
export function fileMode(path: string): number {
  if (isSecretFile(path)) return 0o600;
  return path.endsWith('.sh') ? 0o755 : 0o644;
}

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/**
 * A user's name as one path segment of a bundle file. Valid names (the lint insists on DNS-1123) pass unchanged;
 * anything else, which only a forced render meets, is flattened to safe characters plus a hash of the original,
 * so no name can climb out of the bundle (`../x`), hide (`.x`) or collide with another.
 */
export function safePathSegment(name: string): string {
  if (SAFE_SEGMENT.test(name) && !name.includes('..')) return name;
  const flat = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/\.{2,}/g, '_').replace(/^[._-]+/, '').slice(0, 40);
  return `${flat || 'unnamed'}-${hash53(name).slice(0, 8)}`;
}

/** Where each kind of file goes inside a bundle. */
export const BUNDLE_PATHS = {
  readme: 'README.md',
  kustomization: 'kustomization.yaml',
  namespace: 'namespace.yaml',
  secret: 'secret.yaml', // isSecretFile names it too
  kindConfig: 'kind-config.yaml',
  topology: 'topology.yaml',
  clusterManifest: (cluster: string) => `clusters/${safePathSegment(cluster)}.yaml`,
  natsConf: (cluster: string) => `nats-conf/${safePathSegment(cluster)}.conf`,
};
