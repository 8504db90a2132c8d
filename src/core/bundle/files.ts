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

/** The files that hold passwords: the Kubernetes Secret (under base/ when the bundle spans Kubernetes clusters) and the local target's environment file. */
const SECRET_FILES: ReadonlySet<string> = new Set(['secret.yaml', 'base/secret.yaml', 'local/secrets.env']);

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

/** Lower case only: two names that differ in case would be one file on macOS's and Windows' file systems. */
const SAFE_SEGMENT = /^[a-z0-9][a-z0-9._-]{0,99}$/;

/**
 * Names Windows keeps for devices, in any case and with any extension (`con`, `NUL.txt`, `com1.yaml`): no file can
 * have them there, and unzipping a bundle that holds one fails.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³]) *(\..*)?$/i;

export function isWindowsReserved(name: string): boolean {
  return WINDOWS_RESERVED.test(name);
}

/**
 * A user's name as one path segment of a bundle file. Valid names (the lint insists on DNS-1123, and on no device
 * name) pass unchanged; anything else, which only a forced render meets, is flattened to safe lower-case
 * characters plus a hash of the original, so no name can climb out of the bundle (`../x`), hide (`.x`), be a
 * device on Windows (`con`) or collide with another, in any case.
 */
export function safePathSegment(name: string): string {
  if (SAFE_SEGMENT.test(name) && !name.includes('..') && !isWindowsReserved(name)) return name;
  // No dot in the flattened form: `nul.yaml` must not become a `nul…` file with an extension.
  const flat = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')
    .replace(/^[_-]+/, '')
    .slice(0, 40);
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
  natsBox: 'nats-box.yaml',
  /** cert-manager's CA chain, when a cluster turns TLS on (`k8s/tls-objects.ts`). */
  tls: 'tls.yaml',
  clusterManifest: (cluster: string) => `clusters/${safePathSegment(cluster)}.yaml`,
  natsConf: (cluster: string) => `nats-conf/${safePathSegment(cluster)}.conf`,
};
