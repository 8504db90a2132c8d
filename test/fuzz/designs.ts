/**
 * Random designs for the fuzzer, as file-format data (what a share link or a file carries): some with valid names
 * only, which must lint clean of name errors and run on a real server, the rest with hostile names here and there,
 * which the lint refuses and the renderers must still render harmlessly (forced past the lint). Sizes, links,
 * duplicates, JetStream, domains and accounts vary.
 */
import fc from 'fast-check';
import { KIND_PROVIDERS } from '../../src/core';
import { hostileString } from '../support/hostile';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,3})?$/);
const account = fc.stringMatching(/^[A-Z][A-Za-z0-9_-]{0,6}$/);
const user = fc.stringMatching(/^[a-z][a-z0-9._-]{0,6}[a-z0-9]$/).filter((u) => u !== 'sys');

/**
 * Hostile names that the parser takes, four times in five: control characters and lone surrogates are refused at
 * the door, and a design with one never reaches the renderers.
 */
const renderable = fc
  .tuple(hostileString, fc.integer({ min: 0, max: 4 }))
  // eslint-disable-next-line no-control-regex
  .map(([s, k]) => (k === 0 ? s : s.replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, '')))
  .filter((s) => s.length > 0);

/** A name: valid when the design is clean, else hostile one time in three. */
function name(valid: fc.Arbitrary<string>, clean: boolean): fc.Arbitrary<string> {
  return clean ? valid : fc.oneof({ weight: 2, arbitrary: valid }, { weight: 1, arbitrary: renderable });
}

export function fuzzDesign(): fc.Arbitrary<Record<string, unknown>> {
  return fc.boolean().chain((clean) =>
    fc
      .record({
        name: name(label, clean),
        namespace: fc.option(name(label, clean), { nil: undefined }),
        clusterDomain: fc.option(name(fc.constantFrom('cluster.local', 'k8s.example.internal'), clean), { nil: undefined }),
        image: fc.option(name(fc.constantFrom('nats:2.14.2-alpine', 'nats:2.10.22', 'registry.example.com/nats:2.14.9'), clean), { nil: undefined }),
        jetstream: fc.record({ enabled: fc.boolean(), domain: fc.option(name(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/), clean), { nil: null }) }),
        clusters: fc.uniqueArray(name(label, clean), { minLength: 1, maxLength: 6 }),
        duplicate: fc.boolean(),
        replicas: fc.array(fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), { minLength: 7, maxLength: 7 }),
        defaultReplicas: fc.integer({ min: 1, max: 5 }),
        regions: fc.array(fc.option(name(fc.constantFrom('us-east-1', 'eu-west-1'), clean), { nil: null }), { minLength: 7, maxLength: 7 }),
        links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }),
        danglingLink: fc.option(name(label, clean), { nil: undefined }),
        accounts: fc.array(fc.record({ name: name(account, clean), jetstream: fc.boolean(), users: fc.uniqueArray(name(user, clean), { maxLength: 4 }) }), {
          maxLength: 3,
        }),
        storageClass: fc.option(name(fc.constantFrom('standard', 'fast-ssd'), clean), { nil: null }),
        provider: fc.constantFrom(...KIND_PROVIDERS),
      })
      .map((r) => {
        const clusters: Record<string, unknown>[] = r.clusters.map((n, i) => ({
          name: n,
          region: r.regions[i],
          position: { x: i * 320, y: 0 },
          ...(r.replicas[i] === undefined ? {} : { replicas: r.replicas[i] }),
        }));
        if (!clean && r.duplicate) clusters.push({ name: r.clusters[0], replicas: r.replicas[6] ?? 1 });
        const names = r.clusters;
        // A chain keeps most designs one gateway system; random links add meshes, repeats and self-links.
        const gateways: [string, string][] = names.slice(1).map((n, i) => [names[i], n]);
        for (const [a, b] of r.links) gateways.push([names[a % names.length], names[b % names.length]]);
        if (clean) {
          // Valid designs: no self-link and no repeat, so the lint has nothing to say about the links.
          const seen = new Set<string>();
          for (let i = gateways.length - 1; i >= 0; i--) {
            const [a, b] = gateways[i];
            const key = a < b ? `${a}\0${b}` : `${b}\0${a}`;
            if (a === b || seen.has(key)) gateways.splice(i, 1);
            else seen.add(key);
          }
        } else if (r.danglingLink !== undefined) gateways.push([names[0], r.danglingLink]);
        // Users are unique across accounts in a valid design.
        const taken = new Set<string>();
        const accounts = r.accounts
          .map((a) => ({ ...a, users: clean ? a.users.filter((u) => !taken.has(u) && taken.add(u)) : a.users }))
          .filter((a, i, all) => !clean || all.findIndex((b) => b.name.toUpperCase() === a.name.toUpperCase()) === i);
        return {
          version: 1,
          name: r.name,
          ...(r.namespace === undefined ? {} : { namespace: r.namespace }),
          ...(r.clusterDomain === undefined ? {} : { clusterDomain: r.clusterDomain }),
          ...(r.image === undefined ? {} : { image: r.image }),
          jetstream: { enabled: r.jetstream.enabled, domain: r.jetstream.enabled ? r.jetstream.domain : null },
          accounts: accounts.map((a) => ({ ...a, jetstream: a.jetstream && r.jetstream.enabled })),
          defaults: { replicas: r.defaultReplicas, jetstream: { memoryStore: '256Mi', fileStore: '1Gi', volumeSize: '2Gi', storageClass: r.storageClass } },
          clusters,
          gateways,
          kind: { provider: r.provider },
        };
      }),
  );
}
