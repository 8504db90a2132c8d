import { domainOf, leafHubs, leafIdentities } from '../conf/leafnodes';
import { KUBERNETES_PORTS } from '../conf/addressing';
import type { Topology } from '../model';
import { mdCode } from '../quote/markdown';
import { shellWord } from '../quote/shell';

/** The nats CLI arguments that list the hub's streams from a client of a leaf: the boot test runs the same. */
export function leafReadmeCommand(hubDomain: string): string[] {
  return ['--js-domain', hubDomain, 'stream', 'ls'];
}

/** The bundle README's leafnode section: who dials whom, with what, and how a leaf's client reaches the hub's JetStream. */
export function renderLeafnodesReadme(topology: Topology): string[] {
  const hubs = leafHubs(topology);
  if (hubs.size === 0) return [];
  const byName = new Map(topology.clusters.map((c) => [c.name, c]));
  const ids = leafIdentities(topology);
  const out = ['## Leafnodes', '', '| leaf | hub | leaf domain | hub domain |', '|---|---|---|---|'];
  for (const [leaf, hub] of hubs) {
    const d = (name: string) => {
      const domain = domainOf(topology, byName.get(name)!);
      return domain ? mdCode(domain) : 'none';
    };
    out.push(`| ${mdCode(leaf, true)} | ${mdCode(hub, true)} | ${d(leaf)} | ${d(hub)} |`);
  }
  out.push(
    '',
    `Each hub's servers listen for leafnodes on port ${KUBERNETES_PORTS.leafnode} (its headless Service's \`leafnodes\` port), and each leaf's`,
    ids
      ? `servers dial it once per account, as the account's first user (${ids.map((i) => `${mdCode(i.user)} for ${mdCode(i.account)}`).join(', ')}); the URL with the password is put together in the pod's environment from the Secret.`
      : 'servers dial it without credentials (the design has no users).',
    "A leaf is a system of its own, with its own JetStream domain; its clients reach a hub's JetStream by naming the hub's domain:",
    '',
    '```sh',
  );
  for (const [leaf, hub] of hubs) {
    const domain = domainOf(topology, byName.get(hub)!);
    if (!domain || !topology.jetstream.enabled) continue;
    out.push(`nats ${leafReadmeCommand(domain).map(shellWord).join(' ')}   # from a client of ${leaf}: the streams of ${hub}`);
  }
  out.push('```', '');
  return out;
}
