import { generatePasswords, TEMPLATES, type Passwords, type Topology } from '../../src/core';

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

/** The NoETL template with TLS on every protocol: what the renderers add for TLS, checked like a template. */
export function noetlWithTls(): Topology {
  const t = TEMPLATES.find((x) => x.id === 'noetl')!.topology();
  return { ...t, defaults: { ...t.defaults, tls: { clients: true, routes: true, gateways: true } } };
}

/** The templates and the TLS variant: every rendered shape the golden, schema, kustomize and -t tests check. */
export const renderCases = [...templateCases, ['noetl-tls', noetlWithTls()] as const];
