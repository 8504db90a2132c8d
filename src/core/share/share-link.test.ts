import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { decodeShareFragment, encodeShareFragment, SHARE_LIMITS } from './share-link';
import { decodeBase64url, encodeBase64url } from '../base64';
import { TEMPLATES } from '../templates/index';
import { arbitraryTopology } from '../../../test/support/arbitrary';

describe('share links', () => {
  it('carry the leafnode TLS switch, in the defaults and as a cluster override', () => {
    const topology = structuredClone(TEMPLATES.find((t) => t.id === 'noetl')!.topology());
    topology.defaults.tls.leafnodes = true;
    topology.clusters[1].tls = { leafnodes: false };
    const decoded = decodeShareFragment(`#${encodeShareFragment(topology)}`);
    expect(decoded).toEqual({ ok: true, topology });
  });

  it.each(TEMPLATES.map((t) => [t.id, t.topology()] as const))('round-trip template %s', (_id, topology) => {
    const decoded = decodeShareFragment(`#${encodeShareFragment(topology)}`);
    expect(decoded).toEqual({ ok: true, topology });
  });

  it('carries the monitoring and nats-box switches when on, and nothing when off', () => {
    const off = TEMPLATES[0].topology();
    const on = { ...off, monitoring: { exporter: true as const }, natsBox: true as const };
    expect(decodeShareFragment(encodeShareFragment(on))).toEqual({ ok: true, topology: on });
    expect(encodeShareFragment(on)).not.toBe(encodeShareFragment(off));
    expect(decodeShareFragment(encodeShareFragment(off))).toEqual({ ok: true, topology: off });
  });

  it('carries leafnode links and cluster domains', () => {
    const t = TEMPLATES[0].topology();
    const leafy = {
      ...t,
      clusters: [...t.clusters, { name: 'edge', region: null, zone: null, position: { x: 0, y: 0 }, domain: 'edge' }],
      leafnodes: [['edge', 'a']] as [string, string][],
    };
    expect(decodeShareFragment(encodeShareFragment(leafy))).toEqual({ ok: true, topology: leafy });
  });

  it('round-trips generated topologies', () => {
    fc.assert(
      fc.property(arbitraryTopology(), (topology) => {
        expect(decodeShareFragment(encodeShareFragment(topology))).toEqual({ ok: true, topology });
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the NoETL template encoding pinned, so a format change is never an accident', () => {
    const link = encodeShareFragment(TEMPLATES[0].topology());
    expect(link).toMatchInlineSnapshot(
      `"v1.eNplkLtuwzAMRf-FswPYTlAY2osufSwFOgQeFJlI1ViPUlLSwNC_l7bbIHEWASLPvbzkAEekoJ0FURVgpUEQYB3GfhWSR1J9ChEJ5l7wUk2AjGHZl0q5ZGMAsR3-jV7fHt-fufeFMURCaUBESlhACjyVyXkUtLkt4M_qxkCymHA_5WPRCmWIq4qL3gUdp_IAPyDKAs785lxcpLuF9IQsre-lm_oi5hB7GfEkz2OI7TR9By2XD9p2I-_JHXXH-wq26Yy0TBg0jtgAmifNXxc_kT4cHXonu5tl5rMqRzhF871WkgG-O-F34nj8GUD5xGy1LktzbV419eZFQy6g10Zfow_1Am3WdTmiuc35F5NRm3E"`,
    );
    expect(link.length).toBeLessThanOrEqual(400);
  });

  it('decodes random bytes and mutated links to typed errors, never an exception', () => {
    const good = encodeShareFragment(TEMPLATES[0].topology());
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.nat(), fc.string({ maxLength: 3 }), (noise, at, insert) => {
        for (const candidate of [
          noise,
          `v1.${noise}`,
          good.slice(0, at % good.length),
          good.slice(0, at % good.length) + insert + good.slice((at % good.length) + 1),
        ]) {
          const r = decodeShareFragment(candidate);
          if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('says a truncated link is damaged', () => {
    const good = encodeShareFragment(TEMPLATES[0].topology());
    const r = decodeShareFragment(good.slice(0, good.length - 10));
    expect(r.ok === false && r.error.kind).toBe('corrupt');
  });

  it('says a link from a newer designer is from a newer designer', () => {
    const r = decodeShareFragment('#v2.abc');
    expect(r.ok === false && r.error).toMatchObject({ kind: 'unknown-version', message: expect.stringMatching(/newer designer/) });
  });

  it('refuses a zip bomb without inflating it all', () => {
    const bomb = `v1.${encodeBase64url(zlibSync(new Uint8Array(SHARE_LIMITS.inflatedBytes * 4), { level: 9 }))}`;
    const r = decodeShareFragment(bomb);
    expect(r.ok === false && r.error.kind).toBe('too-large');
  });

  it('refuses a valid encoding of an invalid design with the parser errors', () => {
    const json = new TextEncoder().encode(JSON.stringify({ version: 1, name: 'x', clusters: [{ name: 'a', replicas: 0 }] }));
    const r = decodeShareFragment(`v1.${encodeBase64url(zlibSync(json))}`);
    expect(r.ok === false && r.error.errors?.[0].path).toBe('clusters[0].replicas');
  });

  it('encodes base64url both ways for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(decodeBase64url(encodeBase64url(bytes))).toEqual(bytes);
      }),
    );
  });
});
