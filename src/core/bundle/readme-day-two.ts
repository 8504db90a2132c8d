import { bundleSites, secretPath } from './sites';
import { applyCommands, kubectlFor, rolloutCommands } from './kubectl';
import { KUBERNETES_PORTS } from '../conf/addressing';
import { clusterNames, passwordEnvVar, SYSTEM_USER } from '../names';
import type { ResolvedCluster, Topology } from '../model';
import { passwordUsers } from './passwords';
import { mdCode } from '../quote/markdown';
import { shellWord } from '../quote/shell';
import { survival } from '../survival/survival';

/**
 * The bundle README's "Changing the design": what `kubectl apply -k .` does with a new render, and the procedures for
 * what it cannot do alone. `nats-topology render` names each of these when it renders over a previous design (see
 * `changes()`); the boot tests run the procedures on real servers (test/boot/day-two.test.ts).
 */
export function renderDayTwo(topology: Topology, clusters: ResolvedCluster[]): string[] {
  const ns = shellWord(topology.namespace);
  const js = topology.jetstream.enabled;
  const sys = passwordUsers(topology).includes(SYSTEM_USER);
  const survivor = clusters[0] ? shellWord(`svc/${clusterNames(clusters[0].name).statefulSet}`) : 'svc/nats-<cluster>';
  // Each command goes to the context of the cluster it is about: `survivor`'s, or a placeholder's (`old`, `<cluster>`).
  const atSurvivor = kubectlFor(topology, clusters[0] ?? null);
  const atPlaceholder = kubectlFor(topology, null);
  // To ask through a cluster that stays; `PF` lets a later step replace it once the roll restarted its pod.
  const portForward = `${atSurvivor} port-forward -n ${ns} ${survivor} ${KUBERNETES_PORTS.client}:${KUBERNETES_PORTS.client} & PF=$!`;
  const applyText = bundleSites(topology) ? 're-applying the overlays' : '`kubectl apply -k .`';
  const apply = applyCommands(topology);
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines);

  p('## Changing the design', '');
  p(
    'Render into the folder of the bundle you applied (`nats-topology render topology.yaml --out <this folder>`), or choose',
    "this bundle as the previous one in the designer's download dialog. The render then keeps the passwords, and names",
    `every change below that needs more than ${applyText}.`,
    '',
    `- A change to a cluster's \`nats.conf\` changes the checksum annotation on its pods, so ${applyText} rolls the`,
    '  StatefulSet one pod at a time (gateway and route changes need a restart, not a reload). Each gateway block names every',
    '  cluster of its system, so adding or removing a cluster rolls every cluster linked to it.',
    '- New passwords give the Secret a new name (a hash of its content), so every StatefulSet rolls onto it; pods keep',
    '  the old Secret until they are replaced. Old Secrets stay until you delete them:',
    // With several Kubernetes clusters each holds its own copies of the Secret.
    `  ${mdCode(`${kubectlFor(topology, null, '<each context>')} get secret -n ${ns} -l ${shellWord(`app.kubernetes.io/part-of=${topology.name}`)}`)} lists them; \`${secretPath(topology)}\` names the one in use.`,
    '',
  );

  p('### Removing (or renaming) a cluster', '');
  p(
    'Applying a bundle without a cluster does not delete it: its StatefulSet keeps running, gatewayed to the others' + (js ? ', and its' : '.'),
    ...(js ? ['servers stay in the JetStream meta group, so losing them later can cost the group its quorum.'] : []),
    'A rename is a removal plus a new cluster: new pods, new volumes. ' + (js ? 'Move or back up the streams placed in the old' : ''),
    ...(js ? ['cluster first (`nats stream edit <stream> --cluster <other>` moves one; see "Standalone and clustered" for backups).'] : []),
    '',
  );
  if (js && sys) {
    p(
      "Take the old cluster's servers out one at a time, each removed from the meta group as soon as it is gone, so the",
      'group never loses its quorum (here for a cluster `old` of 3 servers, asking through a cluster that stays):',
      '',
      '```sh',
      `SYS_PASSWORD=$(${atSurvivor} get -n ${ns} -f ${secretPath(topology)} -o jsonpath='{.data.${passwordEnvVar(SYSTEM_USER)}}' | base64 -d)`,
      portForward,
      `sys() { nats --server nats://127.0.0.1:${KUBERNETES_PORTS.client} --user ${SYSTEM_USER} --password "$SYS_PASSWORD" "$@"; }`,
      'for i in 2 1 0; do',
      `  ${atPlaceholder} scale statefulset/nats-old -n ${ns} --replicas=$i`,
      `  ${atPlaceholder} wait --for=delete pod/nats-old-$i -n ${ns} --timeout=120s`,
      '  # until a meta leader answers and its group no longer lists the server: a new leader is elected when the old',
      '  # one was among these servers, and a removal acknowledged while the leader changes can be lost',
      '  until report=$(sys server report jetstream) && echo "$report" | grep -q \'RAFT Meta Group\' && ! echo "$report" | grep -qw nats-old-$i; do',
      '    sys server raft peer-remove nats-old-$i -f; sleep 5',
      '  done',
      'done',
      '```',
      '',
    );
  } else if (js) {
    p(
      'Removing its servers from the JetStream meta group (`nats server raft peer-remove`) needs the system user, which this design',
      'has only once an account has users.',
      '',
    );
  }
  p(
    'Then delete what is left of it, apply the new bundle and wait for the remaining clusters to roll (their gateway',
    'blocks no longer name it); its volume claims stay until you delete them:',
    '',
    '```sh',
    `${atPlaceholder} delete statefulset,service,configmap,poddisruptionbudget -n ${ns} -l nats.io/cluster=old`,
    ...apply,
    ...rolloutCommands(topology, clusters),
    `${atPlaceholder} delete pvc -n ${ns} -l nats.io/cluster=old   # only when its data is no longer needed`,
    '```',
    '',
  );
  // A survivor left standalone has no meta group: its step-down and report would never answer as the loop waits for.
  const survivorClustered = clusters[0] !== undefined && survival(topology).some((s) => s.meta !== null && s.clusters.includes(clusters[0].name));
  if (js && sys && survivorClustered) {
    // Seen on 2.9.10 (docs/nats-server.md): a restarted server replays the group's log, takes the old peers back in
    // before it applies their removal, and sends that peer set to the others if it is elected meanwhile.
    p(
      'nats-server 2.9 can bring the old servers back into the meta group as the others restart: the meta leader lists them',
      'offline as "Server name unknown at this time (peerID: …)", or only some servers still count them. Once the roll is',
      'done, have a new meta leader send its view of the group to every server, then remove by ID each peer it cannot name',
      '(every running server has a name by then). Ask through a new port-forward: the roll restarted the pod behind the first.',
      '',
      '```sh',
      `kill $PF; ${portForward}`,
      'until sys server raft step-down; do sleep 5; done',
      'until report=$(sys server report jetstream) && echo "$report" | grep -q \'RAFT Meta Group\' && ! echo "$report" | grep -q \'peerID: \'; do',
      '  for id in $(echo "$report" | grep -o \'peerID: [A-Za-z0-9]*\' | cut -d\' \' -f2); do sys server raft peer-remove "$id" -f; done; sleep 5',
      'done',
      '```',
      '',
    );
  }

  if (js) {
    p('### Standalone and clustered', '');
    p(
      'A cluster of one server with no gateway link runs JetStream standalone; scaled to more servers, or linked to another',
      'cluster, it runs clustered, and the other way round. The two modes keep their streams apart: after the switch the',
      'old streams answer "stream not found" (their files stay on the volume). Back up every JetStream account before',
      'applying, and restore after, as one of its users:',
      '',
      '```sh',
      `${atPlaceholder} port-forward -n ${ns} svc/<the cluster> ${KUBERNETES_PORTS.client}:${KUBERNETES_PORTS.client} &`,
      `nats --server nats://127.0.0.1:${KUBERNETES_PORTS.client} --user <user> --password <password> backup account ./backup -f`,
      ...apply.map((line, i) => (i === apply.length - 1 ? `${line}   # then wait for the rollout` : line)),
      `nats --server nats://127.0.0.1:${KUBERNETES_PORTS.client} --user <user> --password <password> backup restore account ./backup`,
      `nats --server nats://127.0.0.1:${KUBERNETES_PORTS.client} --user <user> --password <password> stream edit <stream> --replicas 3 -f   # once clustered`,
      '```',
      '',
    );

    p('### Volume size and storage class', '');
    p(
      "A StatefulSet's volume claim template cannot change: `kubectl apply` refuses a new volume size or storage class",
      "(`spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', ...`).",
      '',
      '- **A larger volume** on a storage class with `allowVolumeExpansion: true`: grow each claim in place, then recreate the',
      '  StatefulSet around the running pods:',
      '',
      '  ```sh',
      `  ${atPlaceholder} patch pvc nats-js-nats-<cluster>-<i> -n ${ns} -p '{"spec":{"resources":{"requests":{"storage":"<size>"}}}}'   # each server`,
      `  ${atPlaceholder} delete statefulset nats-<cluster> -n ${ns} --cascade=orphan`,
      ...apply.map((line) => `  ${line}`),
      '  ```',
      '',
      '- **A smaller volume, or another storage class**: the data must move. Back up the streams of that cluster (as above),',
      '  or, for streams replicated on 3 or more servers, replace one server at a time and let JetStream copy its share back:',
      `  delete the StatefulSet with \`--cascade=orphan\`, apply, then per server delete its claim and pod`,
      `  (\`${atPlaceholder} delete pvc nats-js-nats-<cluster>-<i> -n ${ns} --wait=false; ${atPlaceholder} delete pod nats-<cluster>-<i> -n ${ns}\`)`,
      '  and wait until `nats server check meta` is OK before the next. Streams with one replica on that server are lost that way.',
      '',
      'Keep `max_file_store` (the file store size) at or below the volume: JetStream trusts it, the volume does not grow.',
      '',
    );
  }
  return out;
}
