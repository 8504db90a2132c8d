import { SYSTEM_USER } from '../names';
import type { Topology } from '../model';
import { gatewaySystems, remotesOf, needsClusterBlock } from '../conf/topology-facts';
import { LOCAL_PATHS } from './addressing';
import { LOCAL_BASE_PORT, LOCAL_HOST, LOCAL_PORT_BLOCK, LOCAL_PORT_OFFSETS, type LocalServer } from './plan';
import type { PasswordVariable } from './secrets-env';
import { mdText } from '../quote/markdown';
import { shellWord } from '../quote/shell';
import { localTlsClusters } from './certs-script';

/** The render option users change the ports with; the CLI flag of the same meaning. */
export const BASE_PORT_FLAG = '--base-port';

/** `local/README.md`: how to start, look at and stop the local run, with this topology's real ports. */
export function renderLocalReadme(topology: Topology, servers: LocalServer[], basePort: number, passwords: PasswordVariable[]): string {
  const clusters = [...new Set(servers.map((s) => s.cluster.name))];
  const first = servers[0];
  const js = topology.jetstream.enabled;
  const out: string[] = [];
  // One line at a time: spreading 100,000 users' lines into one push() call overflows the stack.
  const p = (...lines: string[]) => {
    for (const line of lines) out.push(line);
  };

  p(`# Run ${mdText(topology.name)} locally`, '');
  p(
    `This folder runs all ${servers.length} server${servers.length === 1 ? '' : 's'} of the topology (${clusters.length} cluster${clusters.length === 1 ? '' : 's'}) on this machine, every listener on ${LOCAL_HOST} only.`,
    'The confs come from the same renderer as the Kubernetes ConfigMaps: the same accounts, JetStream settings, cluster and',
    'gateway names and links. Only addresses, ports, paths and the source of the passwords differ.',
    '',
  );
  p('You need `nats-server` on your PATH (2.9 or newer), or its path in `NATS_SERVER`.', '');

  p('## Start', '', 'From this folder (or as `sh local/start.sh` from the bundle):', '', '```sh', 'sh start.sh', '```', '');
  p(
    'Each server runs in the background from its own conf (`<server>.conf`), reads its passwords from `secrets.env`, writes',
    `its pid to \`${LOCAL_PATHS.pidFile('<server>')}\`, its log to \`${LOCAL_PATHS.log('<server>')}\`${js ? ` and its JetStream store to \`${LOCAL_PATHS.storeDir('<server>')}\`` : ''}.`,
    '`start.sh` refuses to start while any of them still runs, and stops them all again if one of them fails to start.',
    'Paths are relative to this folder (the scripts change into it), so the folder can live anywhere.',
    '',
  );
  if (localTlsClusters(servers).length > 0) {
    p(
      `TLS is on, so \`start.sh\` first runs \`certs.sh\`: it makes a throwaway CA (\`${LOCAL_PATHS.caCert}\`) and one certificate per`,
      `cluster for ${LOCAL_HOST} with \`openssl\` (set \`OPENSSL\` to use another), and keeps them for later starts; remove`,
      `\`${LOCAL_PATHS.certDir}/\` for new ones. Clients of a cluster with TLS for clients connect to \`tls://${LOCAL_HOST}:<port>\` and trust the CA,`,
      `for example \`nats --tlsca ${LOCAL_PATHS.caCert} --server tls://${LOCAL_HOST}:<port> ...\`.`,
      '',
    );
  }

  p('## Ports', '');
  p(
    `Server *k* (counting from 0 in the order below) uses the ports base + ${LOCAL_PORT_BLOCK}·*k* + ${LOCAL_PORT_OFFSETS.client} (clients), + ${LOCAL_PORT_OFFSETS.cluster} (routes),`,
    `+ ${LOCAL_PORT_OFFSETS.gateway} (gateways) and + ${LOCAL_PORT_OFFSETS.monitor} (monitoring). The base port is ${basePort}${basePort === LOCAL_BASE_PORT ? ' (the default)' : ` (the default is ${LOCAL_BASE_PORT})`}; render again with`,
    `\`${BASE_PORT_FLAG} <port>\` if those ports are taken on this machine.`,
    '',
  );
  p('| server | cluster | client | routes | gateways | monitoring |', '| --- | --- | --- | --- | --- | --- |');
  for (const s of servers) {
    p(`| ${mdText(s.name)} | ${mdText(s.cluster.name)} | ${s.ports.client} | ${s.ports.cluster} | ${s.ports.gateway} | ${s.ports.monitor} |`);
  }
  p('');

  if (first) {
    const mon = `http://${LOCAL_HOST}:${first.ports.monitor}`;
    const systems = gatewaySystems(topology).map((names) => names.filter((n) => clusters.includes(n)));
    const peers = (systems.find((names) => names.includes(first.cluster.name))?.length ?? 1) - 1;
    p('## Look at it', '');
    p(`Every server answers on its monitoring port; for ${first.name}:`, '', '```sh');
    p(`curl -s ${mon}/varz      # server_name ${first.name}`);
    const replicas = first.cluster.replicas;
    // 2.10 and later pool several connections per peer, so num_routes is no peer count; the remote_ids are.
    const routes = replicas > 1 ? `${replicas - 1} distinct remote_id: each other server of cluster ${first.cluster.name}` : 'no routes: a lone server';
    const clustered = needsClusterBlock(first.cluster, remotesOf(topology, first.cluster.name).length);
    p(`curl -s ${mon}/routez    # ${routes}`);
    p(`curl -s ${mon}/gatewayz  # outbound_gateways: ${peers === 0 ? 'none, no gateway links' : `one per other cluster (${peers})`}`);
    if (js) {
      p(
        `curl -s ${mon}/jsz       # JetStream: domain, limits, ${clustered ? 'meta_cluster.leader (the same on every server)' : 'no meta_cluster (a standalone server)'}`,
      );
    }
    p(`curl -s ${mon}/healthz   # {"status":"ok"} once the server is ready`, '```', '');
    if (servers.length > 1) {
      p('The other servers:', '', '```sh');
      for (const s of servers.slice(1)) p(`curl -s http://${LOCAL_HOST}:${s.ports.monitor}/routez   # ${s.name}`);
      p('```', '');
    }

    p('## Connect', '');
    const url = `nats://${LOCAL_HOST}:${first.ports.client}`;
    const appUser = topology.accounts.flatMap((a) => a.users)[0];
    const app = passwords.find((v) => v.user === appUser);
    const sys = passwords.find((v) => v.user === SYSTEM_USER);
    if (app && sys) {
      p('The passwords are in `secrets.env` (keep it private). With the [nats CLI](https://github.com/nats-io/natscli):', '', '```sh');
      p('. ./secrets.env');
      p(`nats --server ${url} --user ${shellWord(app.user)} --password "$${app.name}" account info${js ? '   # JetStream limits of the account' : ''}`);
      p(`nats --server ${url} --user ${sys.user} --password "$${sys.name}" server list    # every server, as the system user`);
      p('```', '');
    } else {
      p('No account has users, so clients connect without credentials. With the [nats CLI](https://github.com/nats-io/natscli):', '', '```sh');
      p(`nats --server ${url} account info`, '```', '');
    }
  }

  p('## Stop', '', '```sh', 'sh stop.sh', '```', '');
  p(
    "`stop.sh` signals exactly the processes in `run/*.pid` (and only while they still run this folder's confs), waits for",
    'them to exit and removes the pid files. To start again from nothing: `sh stop.sh && rm -rf data logs run`.',
    '',
  );
  return out.join('\n');
}
