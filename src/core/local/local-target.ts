import { confContext, renderNatsConf } from '../conf/nats-conf';
import type { BundleFile, Passwords } from '../bundle/files';
import type { Topology } from '../model';
import { addressingFrom, indexPlan, LOCAL_PATHS, localLeafnodeUrls, type PlanIndex } from './addressing';
import { leafHubs } from '../conf/leafnodes';
import { LOCAL_BASE_PORT, localServers, type LocalOptions } from './plan';
import { renderLocalReadme } from './readme';
import { passwordVariables, renderSecretsEnv, type PasswordVariable, type SecretVariable } from './secrets-env';
import { routeUrlWithCredentials } from '../conf/addressing';
import { passwordEnvVar, ROUTE_CREDENTIAL, ROUTE_USER } from '../names';
import { renderStartScript, renderStopScript } from './scripts';
import { localTlsClusters, renderCertsScript } from './certs-script';
import { serializeTopology } from '../bundle/topology-file';

/** Each hub's leafnode URLs in the local plan: every one of its servers. */
function hubUrls(topology: Topology, index: PlanIndex, options: LocalOptions): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const hub of new Set(leafHubs(topology).values())) {
    out.set(hub, localLeafnodeUrls(index, hub, options.sites));
  }
  return out;
}

/** The folder of the local target inside a bundle. */
export const LOCAL_DIR = 'local';

/**
 * The local target: one `local/<server>.conf` per server (the same `nats.conf` renderer as Kubernetes, with the
 * local address plan), `local/secrets.env`, `local/start.sh`, `local/stop.sh`, `local/README.md` and
 * `local/topology.yaml` (the design it runs, which the next render compares against), and `local/certs.sh` when a
 * cluster turns TLS on (`certs-script.ts`). Only the server confs end in
 * `.conf`. Without `passwords` (a preview) `secrets.env` holds placeholders.
 *
 * Throws a RangeError when {@link localTargetProblem} names a problem (base port, port range, cluster names);
 * callers that render it into every bundle check that first.
 */
export function renderLocalTarget(topology: Topology, passwords: Passwords | undefined, options: LocalOptions = {}): BundleFile[] {
  const servers = localServers(topology, options);
  const index = indexPlan(servers);
  // One context for all local confs: a remote's gateway entry is the same text in every one of them.
  const context = confContext(topology);
  const variables = passwordVariables(topology, passwords);
  const file = (name: string, content: string): BundleFile => ({ path: `${LOCAL_DIR}/${name}`, content });
  return [
    ...servers.map((s) =>
      file(LOCAL_PATHS.conf(s.name), renderNatsConf(topology, s.cluster.name, addressingFrom(index, s.cluster.name, s.index, options.sites), context)),
    ),
    file('secrets.env', renderSecretsEnv(topology, passwords, routeVariables(topology, index, variables, options), hubUrls(topology, index, options))),
    file('start.sh', renderStartScript(topology, servers)),
    file('stop.sh', renderStopScript(topology, servers)),
    ...(localTlsClusters(servers).length > 0 ? [file('certs.sh', renderCertsScript(topology, servers, options.sites))] : []),
    file('README.md', renderLocalReadme(topology, servers, options.basePort ?? LOCAL_BASE_PORT, variables)),
    file('topology.yaml', serializeTopology(topology)),
  ];
}

/** With `security.serverAuth`, each cluster's route URLs with the route credentials: the confs name them, never the password. */
function routeVariables(topology: Topology, index: PlanIndex, passwords: readonly PasswordVariable[], options: LocalOptions): SecretVariable[] {
  if (!topology.security?.serverAuth) return [];
  const password = passwords.find((v) => v.name === passwordEnvVar(ROUTE_CREDENTIAL))?.value ?? '';
  return [...index.keys()].flatMap((cluster) => {
    const a = addressingFrom(index, cluster, 0, options.sites);
    return a.routeUrls.map((url, i) => ({
      name: a.routeEnv(i),
      value: routeUrlWithCredentials(url, ROUTE_USER, password),
      note: `route ${i} of cluster ${JSON.stringify(cluster)}`,
    }));
  });
}
