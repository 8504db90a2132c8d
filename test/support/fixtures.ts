import { generatePasswords, TEMPLATES, templateById, type Passwords, type Topology } from '../../src/core';

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
  return { ...t, defaults: { ...t.defaults, tls: { clients: true, routes: true, gateways: true } } };
}

/** The templates and the TLS variant: every rendered shape the golden, schema, kustomize and -t tests check. */
export const renderCases = [...templateCases, ['noetl-tls', noetlWithTls()] as const];
