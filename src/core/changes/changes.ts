/**
 * Day-2 changes: what applying a new design over a running one does that neither design shows alone. The bundle
 * README has the procedure each problem points to; the boot tests run those procedures on real servers.
 */
import { gatewayRemotes, needsClusterBlock } from '../conf/topology-facts';
import { resolveCluster, type ResolvedCluster, type Topology } from '../model';
import type { Problem } from '../problems';
import { sortProblems } from '../problems';
import type { TlsProtocol } from '../conf/tls';
import { MANAGED_BY } from '../k8s/labels';
import { NATS_BOX_NAME } from '../names';
import { shellWord } from '../quote/shell';

/** Problems of applying `next` where `previous` runs, sorted like the lint's. */
export function changes(previous: Topology, next: Topology): Problem[] {
  const out: Problem[] = [];
  const before = clustersByName(previous);
  const after = clustersByName(next);
  const js = previous.jetstream.enabled && next.jetstream.enabled;

  if (previous.namespace !== next.namespace) {
    out.push({
      code: 'CHANGE_NAMESPACE',
      severity: 'warning',
      target: { kind: 'topology', field: 'namespace' },
      message: `the namespace changes from ${previous.namespace} to ${next.namespace}: applying creates every cluster anew there, while the servers in ${previous.namespace} keep running with their data`,
      fix: `Move the streams first (nats backup account, then nats backup restore account against the new servers), then delete the old namespace. The bundle README says how, under "Changing the design".`,
    });
  }

  const authBefore = previous.security?.serverAuth === true;
  const authAfter = next.security?.serverAuth === true;
  if (authBefore !== authAfter) {
    out.push({
      code: 'CHANGE_SERVER_AUTH',
      severity: 'warning',
      target: { kind: 'topology', field: 'security.serverAuth' },
      message:
        `route and gateway auth goes ${authAfter ? 'on' : 'off'}: applying rolls every cluster, and until all have rolled a server that ` +
        `${authAfter ? 'requires the route and gateway passwords refuses the routes and gateways of servers that do not send them yet' : 'no longer sends the passwords is refused by servers that still require them'}, ` +
        `so a cluster can lose its routes and traffic between clusters is partial for the length of the roll`,
      fix: 'Apply it in a maintenance window and wait for every StatefulSet to finish rolling (kubectl rollout status, as in the bundle README), or restart all servers at once.',
    });
  }

  for (const [name, now] of after) {
    const was = before.get(name);
    if (!was || (was.cluster.kubeContext ?? null) === (now.cluster.kubeContext ?? null)) continue;
    const where = (ctx: string | null | undefined) => (ctx ? `kube context ${ctx}` : 'the default Kubernetes cluster');
    out.push({
      code: 'CHANGE_KUBE_CONTEXT',
      severity: 'warning',
      target: { kind: 'cluster', cluster: name, field: 'kubeContext' },
      message: `cluster ${name} moves from ${where(was.cluster.kubeContext)} to ${where(now.cluster.kubeContext)}: applying creates it anew there, while its servers in the old one keep running${js ? ', voting in the JetStream meta group and holding its streams' : ''}`,
      fix: `Move its streams first (nats stream edit <stream> --cluster <other>, or a backup and restore), then take the old servers out as for a removed cluster (the bundle README, "Removing (or renaming) a cluster"), with kubectl --context for the old one.`,
    });
  }

  const removed = [...before.keys()].filter((name) => !after.has(name));
  for (const name of removed) {
    const was = before.get(name)!;
    const added = [...after.keys()].filter((n) => !before.has(n));
    const renamed = removed.length === 1 && added.length === 1 ? ` (renamed to ${added[0]}? A rename is a new cluster: new pods, new volumes)` : '';
    out.push({
      code: 'CHANGE_CLUSTER_REMOVED',
      severity: 'warning',
      target: { kind: 'cluster', cluster: name },
      message:
        `cluster ${name} is gone from the design${renamed}: applying leaves its ${was.cluster.replicas} server${was.cluster.replicas === 1 ? '' : 's'} running, ` +
        `gatewayed to the others${js ? ' and voting in the JetStream meta group, and the streams placed there stay with them' : ''}`,
      fix: `Take its servers out one at a time${js ? ' and remove each from the meta group (nats server raft peer-remove)' : ''}, then delete its objects: the bundle README, "Removing (or renaming) a cluster".`,
    });
  }

  for (const [name, now] of after) {
    const was = before.get(name);
    if (!was) continue;
    if (js && was.standalone !== now.standalone) {
      const why = (c: Mode) =>
        c.standalone
          ? 'standalone (one server, no gateway links)'
          : `clustered (${c.cluster.replicas} server${c.cluster.replicas === 1 ? '' : 's'}${c.remotes ? `, gatewayed to ${c.remotes} other cluster${c.remotes === 1 ? '' : 's'}` : ''})`;
      out.push({
        code: 'CHANGE_JETSTREAM_MODE',
        severity: 'warning',
        target: { kind: 'cluster', cluster: name, field: 'replicas' },
        message: `cluster ${name} runs JetStream ${why(was)} and will run it ${why(now)}: the two modes keep streams apart, so after the restart its streams answer "stream not found"`,
        fix: `Back up every JetStream account before applying and restore it after (nats backup account, then nats backup restore account): the bundle README, "Standalone and clustered".`,
      });
    }
    for (const protocol of ['clients', 'routes', 'gateways', 'leafnodes'] as const) {
      if (was.cluster.tls[protocol] !== now.cluster.tls[protocol]) out.push(tlsChange(name, protocol, now.cluster.tls[protocol]));
    }
    if (js) {
      for (const field of ['volumeSize', 'storageClass'] as const) {
        if (was.cluster.jetstream[field] === now.cluster.jetstream[field]) continue;
        out.push({
          code: 'CHANGE_VOLUME',
          severity: 'warning',
          target: { kind: 'cluster', cluster: name, field: `jetstream.${field}` },
          message: `cluster ${name}'s ${field === 'volumeSize' ? 'volume size' : 'storage class'} changes from ${was.cluster.jetstream[field] ?? 'the default'} to ${now.cluster.jetstream[field] ?? 'the default'}: Kubernetes refuses to change a StatefulSet's volume claim template, so kubectl apply fails for nats-${name}`,
          fix: 'Follow the bundle README, "Volume size and storage class": expand the claims in place, or replace each server\'s volume one at a time.',
        });
      }
    }
  }
  const ns = shellWord(next.namespace);
  if (previous.monitoring?.exporter && !next.monitoring?.exporter) {
    out.push({
      code: 'CHANGE_SWITCHED_OFF',
      severity: 'info',
      target: { kind: 'topology', field: 'monitoring.exporter' },
      message: 'monitoring is switched off: applying rolls the servers without the exporter, but leaves the PodMonitors (kubectl apply deletes nothing)',
      fix: `After applying: kubectl delete podmonitor -n ${ns} -l app.kubernetes.io/managed-by=${MANAGED_BY}`,
    });
  }
  if (previous.natsBox && !next.natsBox) {
    out.push({
      code: 'CHANGE_SWITCHED_OFF',
      severity: 'info',
      target: { kind: 'topology', field: 'natsBox' },
      message: 'nats-box is switched off: applying leaves its Deployment running (kubectl apply deletes nothing)',
      fix: `kubectl delete deployment -n ${ns} ${NATS_BOX_NAME}`,
    });
  }
  return sortProblems(out);
}

/**
 * CHANGE_TLS: a TLS switch of a running cluster flips. The new conf rolls the pods one at a time, and a server with TLS
 * and one without cannot talk on that protocol (docs/nats-server.md, "TLS"), so the roll splits the cluster's routes,
 * or the gateways and leafnode links to clusters that have not flipped yet, until every side runs the same; clients
 * must switch scheme.
 */
function tlsChange(name: string, protocol: TlsProtocol, on: boolean): Problem {
  const state = on ? 'on' : 'off';
  const effect = {
    clients: `clients that connect with ${on ? 'nats://' : 'tls://'} are refused by each restarted server`,
    routes: `while the pods roll, restarted servers and the others do not route to each other, so the cluster is split until the last pod has restarted`,
    gateways: `while the pods roll, no gateway forms between restarted servers and peers that still run ${on ? 'without' : 'with'} gateway TLS, so cross-cluster traffic stops until every cluster has rolled`,
    leafnodes: `while the pods roll, no leafnode connection forms between restarted servers and a hub or leaf that still runs ${on ? 'without' : 'with'} leafnode TLS, so the leaf is cut off from its hub until both sides have rolled`,
  }[protocol];
  const fix = {
    clients: `Switch the clients to ${on ? 'tls:// with the CA (the bundle README, "TLS")' : 'nats://'} as the servers restart.`,
    routes: `Apply when a short split is acceptable${on ? ', with cert-manager installed first (the Certificates need it)' : ''}: the split lasts until the last pod has restarted.`,
    gateways: `Flip every cluster of the gateway system in the same render, and apply it${on ? ' with cert-manager installed first' : ''} when cross-cluster traffic may pause for the length of the roll.`,
    leafnodes: `Flip each leaf and its hub in the same render, and apply it${on ? ' with cert-manager installed first' : ''} when the leaf may lose its hub for the length of the roll.`,
  }[protocol];
  return {
    code: 'CHANGE_TLS',
    severity: 'warning',
    target: { kind: 'cluster', cluster: name, field: `tls.${protocol}` },
    message: `cluster ${name} turns TLS ${state} for ${protocol}: ${effect}`,
    fix,
  };
}

interface Mode {
  cluster: ResolvedCluster;
  remotes: number;
  /** JetStream without a meta group: one server, no cluster block. */
  standalone: boolean;
}

function clustersByName(t: Topology): Map<string, Mode> {
  const remotes = gatewayRemotes(t);
  const out = new Map<string, Mode>();
  for (const spec of t.clusters) {
    if (out.has(spec.name)) continue;
    const cluster = resolveCluster(t, spec);
    const n = remotes.get(spec.name)?.length ?? 0;
    out.set(spec.name, { cluster, remotes: n, standalone: !needsClusterBlock(cluster, n) });
  }
  return out;
}
