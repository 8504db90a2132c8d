import { generatePasswords, parseTopology, TEMPLATES, templateById, type Passwords, type Topology } from '../../src/core';

/** A fixed byte stream, so golden files with passwords stay stable. Never used outside tests. */
export function fixedRandom(seed = 1): (n: number) => Uint8Array {
  let state = seed;
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      state = (state * 1103515245 + 12345) >>> 0;
      out[i] = state >>> 24;
    }
    return out;
  };
}

export function fixedPasswords(topology: Topology): Passwords {
  return generatePasswords(topology, fixedRandom());
}

export const templateCases = TEMPLATES.map((t) => [t.id, t.topology()] as const);

/**
 * Designs with the switches that are off in every template turned on, so the objects they add are checked by the same
 * consumers (schemas, kustomize, nats-server) as the templates'.
 */
export const featureCases = [
  ['noetl+monitoring+natsBox', { ...templateById('noetl')!.topology(), monitoring: { exporter: true }, natsBox: true }],
  ['single+natsBox (no users)', { ...templateById('single')!.topology(), natsBox: true }],
  ['noetl+leaf edge', withLeaf(templateById('noetl')!.topology())],
  ['single+leaf (no users)', withLeaf(templateById('single')!.topology())],
] as const satisfies readonly (readonly [string, Topology])[];

/** A design with a leaf cluster `edge` (its own domain) hanging off its first cluster, whose system gets the domain `hub`. */
function withLeaf(t: Topology): Topology {
  return {
    ...t,
    jetstream: { ...t.jetstream, domain: 'hub' },
    clusters: [...t.clusters, { name: 'edge', region: null, zone: null, position: { x: 0, y: 400 }, domain: 'edge' }],
    leafnodes: [['edge', t.clusters[0].name]],
  };
}
/** The NoETL template with TLS on every protocol: what the renderers add for TLS, checked like a template. */
export function noetlWithTls(): Topology {
  const t = TEMPLATES.find((x) => x.id === 'noetl')!.topology();
  return { ...t, defaults: { ...t.defaults, tls: { clients: true, routes: true, gateways: true, leafnodes: false } } };
}

/** {@link noetlWithTls} with a leaf `edge` under its first cluster, leafnode TLS on everywhere (no golden: -t checks it). */
export function noetlLeafWithTls(): Topology {
  const t = withLeaf(noetlWithTls());
  return { ...t, defaults: { ...t.defaults, tls: { ...t.defaults.tls, leafnodes: true } } };
}

/** The designs whose objects the schema and kustomize tests check beyond the templates (-t checks the leaf TLS one apart). */
export const objectCases = [...featureCases, ['noetl+leaf with leafnode TLS', noetlLeafWithTls()] as const];

/** The templates and the TLS variant: every rendered shape the golden, schema, kustomize and -t tests check. */
export const renderCases = [...templateCases, ['noetl-tls', noetlWithTls()] as const];

/**
 * Designs spanning several Kubernetes clusters (kube contexts), for the checks every template gets: a LoadBalancer
 * with a DNS name, a NodePort with an IP, two clusters sharing a context, and one in the default context.
 */
export const placementCases = [
  [
    'three-contexts',
    parseOrThrow({
      version: 1,
      name: 'sites',
      accounts: [{ name: 'APP', jetstream: true, users: ['app'] }],
      clusters: [
        { name: 'east', kubeContext: 'prod-east', gateway: { service: 'LoadBalancer', address: 'nats-east.example.com' } },
        { name: 'east-b', kubeContext: 'prod-east', replicas: 1, gateway: { address: '198.51.100.7' } },
        { name: 'west', kubeContext: 'prod-west', gateway: { service: 'NodePort', address: '203.0.113.10', nodePort: 30722 } },
        { name: 'home', gateway: { address: 'nats-home.example.com' } },
      ],
      gateways: [
        ['east', 'west'],
        ['east', 'east-b'],
        ['west', 'home'],
      ],
    }),
  ],
  [
    'three-contexts-auth',
    parseOrThrow({
      version: 1,
      name: 'sites-auth',
      security: { serverAuth: true, networkPolicy: true, restrictedPods: true },
      clusters: [
        { name: 'east', kubeContext: 'prod-east', gateway: { address: 'nats-east.example.com' } },
        { name: 'west', kubeContext: 'prod-west', replicas: 1, gateway: { service: 'NodePort', address: '203.0.113.10', nodePort: 30722 } },
        { name: 'home', replicas: 2, gateway: { address: 'nats-home.example.com' } },
      ],
      gateways: [
        ['east', 'west'],
        ['west', 'home'],
      ],
    }),
  ],
] as const;

function parseOrThrow(data: unknown): Topology {
  const r = parseTopology(data);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  return r.topology;
}
