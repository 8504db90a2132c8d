import fc from 'fast-check';
import { DEFAULT_IMAGE, KIND_PROVIDERS, PROVIDERS, type Cluster, type Topology } from '../../src/core';

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4})?$/);
const cpu = fc.constantFrom('100m', '250m', '500m', '1', '2', '1500m');
const memory = fc.constantFrom('128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '3Gi');

/**
 * Valid, lint-plausible topologies of many shapes: 1–6 clusters of 1–5 servers, random gateway links (always
 * connected, so every design is one system), optional accounts, domain and overrides.
 */
export function arbitraryTopology(maxClusters = 6): fc.Arbitrary<Topology> {
  return fc
    .record({
      name: label,
      namespace: fc.option(label, { nil: undefined }),
      clusterNames: fc.uniqueArray(label, { minLength: 1, maxLength: maxClusters }),
      replicas: fc.integer({ min: 1, max: 5 }),
      overrides: fc.array(
        fc.record({
          replicas: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
          cpu: fc.option(cpu, { nil: undefined }),
          fileStore: fc.option(fc.constantFrom('256Mi', '1Gi'), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
      extraLinks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
      jetstream: fc.boolean(),
      domain: fc.option(fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,8}$/), { nil: null }),
      accounts: fc.uniqueArray(fc.stringMatching(/^[A-Z][A-Z0-9]{1,6}$/), { maxLength: 2 }),
      users: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9]{2,6}$/), { minLength: 2, maxLength: 4 }),
      requests: fc.record({ cpu, memory }),
      provider: fc.constantFrom(...KIND_PROVIDERS),
      workers: fc.integer({ min: 0, max: 3 }),
      region: fc.option(fc.constantFrom('us-east-1', 'eu-west-1'), { nil: null }),
      clusterDomain: fc.constantFrom('cluster.local', 'cluster.local', 'k8s.example.internal'),
    })
    .map((r) => {
      const clusters: Cluster[] = r.clusterNames.map((name, i) => {
        const o = r.overrides[i];
        const c: Cluster = { name, region: i % 2 ? r.region : null, zone: null, position: { x: i * 300, y: (i % 3) * 200 } };
        if (o?.replicas !== undefined) c.replicas = o.replicas;
        if (o?.cpu !== undefined) c.resources = { requests: { cpu: o.cpu } };
        if (o?.fileStore !== undefined) c.jetstream = { fileStore: o.fileStore };
        return c;
      });
      // A chain keeps every design connected; extra links add meshes and duplicates-free shortcuts.
      const links = new Map<string, [string, string]>();
      for (let i = 1; i < clusters.length; i++) links.set(`${i - 1}-${i}`, [clusters[i - 1].name, clusters[i].name]);
      for (const [a, b] of r.extraLinks) {
        const i = a % clusters.length;
        const j = b % clusters.length;
        if (i === j || links.has(`${Math.min(i, j)}-${Math.max(i, j)}`)) continue;
        links.set(`${Math.min(i, j)}-${Math.max(i, j)}`, [clusters[i].name, clusters[j].name]);
      }
      const preset = PROVIDERS[r.provider];
      const users = [...r.users];
      const topology: Topology = {
        version: 1,
        name: r.name,
        namespace: r.namespace ?? r.name,
        clusterDomain: r.clusterDomain,
        image: DEFAULT_IMAGE,
        jetstream: { enabled: r.jetstream, domain: r.jetstream ? r.domain : null },
        accounts: r.accounts.map((name, i) => ({ name, jetstream: r.jetstream, users: users.splice(0, i === r.accounts.length - 1 ? users.length : 1) })),
        defaults: {
          replicas: r.replicas,
          resources: { requests: r.requests, limits: { cpu: '2', memory: '4Gi' } },
          jetstream: { memoryStore: '256Mi', fileStore: '1Gi', volumeSize: '2Gi', storageClass: null },
          tls: { clients: false, routes: false, gateways: false, leafnodes: false },
        },
        clusters,
        gateways: [...links.values()],
        kind: { provider: r.provider, cpus: preset.cpus, memory: preset.memory, disk: preset.disk, workers: r.workers, otherWorkloads: [] },
      };
      return topology;
    });
}
