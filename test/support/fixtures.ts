import { generatePasswords, parseTopology, TEMPLATES, type Passwords, type Topology } from '../../src/core';

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
