/**
 * Every name the renderers derive from a user's names, in one place, so lint rules check exactly what is rendered.
 */

/** DNS-1123 label: lower-case alphanumerics and '-', starting and ending alphanumeric, at most 63. */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** Longest StatefulSet name that leaves room for the `-<hash>` of its controller revision label (63 − 11). */
export const MAX_STATEFULSET_NAME = 52;

/** Longest cluster name that keeps every derived object name within Kubernetes' limits. */
export const MAX_CLUSTER_NAME = MAX_STATEFULSET_NAME - 'nats-'.length;

export function isDns1123Label(s: string): boolean {
  return s.length <= 63 && DNS1123_LABEL.test(s);
}

/** Names of one cluster's Kubernetes objects and servers. */
export interface ClusterNames {
  /** StatefulSet, client Service and PodDisruptionBudget. */
  statefulSet: string;
  headless: string;
  configMap: string;
  /** The Service peers in other Kubernetes clusters dial. */
  gatewayService: string;
  /** The pod (and server) name of replica i. */
  pod(i: number): string;
}

export function clusterNames(cluster: string): ClusterNames {
  const sts = `nats-${cluster}`;
  return {
    statefulSet: sts,
    headless: `${sts}-headless`,
    configMap: `${sts}-config`,
    gatewayService: `${sts}-gateway`,
    pod: (i) => `${sts}-${i}`,
  };
}

/**
 * The nats-box Deployment. A cluster named `box` has a StatefulSet, Services and a PDB of this name too: other kinds, so
 * no object collides; the Deployment's pods carry their own labels, so no selector picks up the other's pods.
 */
export const NATS_BOX_NAME = 'nats-box';

/**
 * The credentials Secret is named `nats-credentials-<hash of its data>`, as kustomize's secretGenerator names what it
 * makes: new passwords mean a new Secret name in every StatefulSet, so the pods roll, while running pods keep
 * reading the old Secret until they are replaced (never a mix of passwords within one cluster).
 */
export const SECRET_PREFIX = 'nats-credentials';

/** The system account every bundle renders, and its user. */
export const SYSTEM_ACCOUNT = 'SYS';
export const SYSTEM_USER = 'sys';

/** Account names NATS reserves or we render ourselves. */
export const RESERVED_ACCOUNTS = ['SYS', '$SYS', '$G', 'GLOBAL'];

/** What every password variable starts with; the lint keeps account names from starting with it. */
export const PASSWORD_ENV_PREFIX = 'NATS_PASSWORD_';

/**
 * The environment variable that carries a user's password. User names are unique (the lint makes sure), and
 * distinct names that map to one variable are flagged as a clash.
 */
export function passwordEnvVar(user: string): string {
  const server = SERVER_CREDENTIAL_ENV.get(user);
  if (server) return server;
  return `${PASSWORD_ENV_PREFIX}${user.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

/**
 * Server-to-server credentials (`security.serverAuth`), kept in the Secret beside the users' passwords under keys no
 * account user can have (a user name starts with a letter or digit), with variables outside NATS_PASSWORD_*.
 */
export const ROUTE_CREDENTIAL = '$route';
export const GATEWAY_CREDENTIAL = '$gateway';
const SERVER_CREDENTIAL_ENV: ReadonlyMap<string, string> = new Map([
  [ROUTE_CREDENTIAL, 'NATS_ROUTE_PASSWORD'],
  [GATEWAY_CREDENTIAL, 'NATS_GATEWAY_PASSWORD'],
]);

/** The user names routes and gateways authenticate as. */
export const ROUTE_USER = 'route';
export const GATEWAY_USER = 'gateway';

export const SYSTEM_PASSWORD_ENV = passwordEnvVar(SYSTEM_USER);

/**
 * Labels that select one cluster's pods: stable keys only. Never region or zone, and not the topology name
 * either, because a StatefulSet's selector is immutable and those are things users rename.
 */
export function selectorLabels(cluster: string): Record<string, string> {
  return {
    'app.kubernetes.io/name': 'nats',
    'app.kubernetes.io/component': 'server',
    'nats.io/cluster': cluster,
  };
}
