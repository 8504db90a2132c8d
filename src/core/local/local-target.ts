import { confContext, renderNatsConf } from '../conf/nats-conf';
import type { BundleFile, Passwords } from '../bundle/files';
import type { Topology } from '../model';
import { addressingFrom, indexPlan, LOCAL_PATHS, localLeafnodeUrls, type PlanIndex } from './addressing';
import { leafHubs } from '../conf/leafnodes';
import { LOCAL_BASE_PORT, localServers, type LocalOptions } from './plan';
import { renderLocalReadme } from './readme';
import { passwordVariables, renderSecretsEnv } from './secrets-env';
import { renderStartScript, renderStopScript } from './scripts';
import { localTlsClusters, renderCertsScript } from './certs-script';
import { serializeTopology } from '../bundle/topology-file';

/** Each hub's leafnode URLs in the local plan: every one of its servers. */
function hubUrls(topology: Topology, index: PlanIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const hub of new Set(leafHubs(topology).values())) {
    out.set(hub, localLeafnodeUrls(index, hub));
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
    ...servers.map((s) => file(LOCAL_PATHS.conf(s.name), renderNatsConf(topology, s.cluster.name, addressingFrom(index, s.cluster.name, s.index), context))),
    file('secrets.env', renderSecretsEnv(topology, passwords, hubUrls(topology, index))),
    file('start.sh', renderStartScript(topology, servers)),
    file('stop.sh', renderStopScript(topology, servers)),
    ...(localTlsClusters(servers).length > 0 ? [file('certs.sh', renderCertsScript(topology, servers))] : []),
    file('README.md', renderLocalReadme(topology, servers, options.basePort ?? LOCAL_BASE_PORT, variables)),
    file('topology.yaml', serializeTopology(topology)),
  ];
}
