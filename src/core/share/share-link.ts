import { strFromU8, strToU8, Unzlib, zlibSync } from 'fflate';
import { DEFAULT_CLUSTER_DOMAIN, DEFAULT_IMAGE, PROVIDERS } from '../defaults';
import { CLUSTER_FIELDS, getField } from '../format/fields';
import type { Topology } from '../model';
import { parseTopology, type ParseError } from '../parse/parse-topology';
import { topologyData } from '../bundle/topology-file';
import { decodeBase64url, encodeBase64url } from '../base64';

/**
 * Share links carry `#v1.` + base64url(zlib(JSON)); the prefix names the encoding only. The design inside carries its
 * own `version` and goes through `parseTopology`, whose migrations open links made by older designers.
 */
export const SHARE_PREFIX = 'v1.';

export const SHARE_LIMITS = {
  /** Longest fragment we try to decode; a real design is a few hundred characters. */
  fragmentChars: 64_000,
  /** Inflated JSON we accept at most: a zip-bomb guard. */
  inflatedBytes: 1_000_000,
  /** Above this a link may break in chat tools and old browsers: the designer warns. */
  warnChars: 2_000,
};

export type ShareErrorKind = 'empty' | 'unknown-version' | 'encoding' | 'corrupt' | 'too-large' | 'json' | 'invalid';

/** Why a link cannot be opened, in words for a banner. */
export interface ShareError {
  kind: ShareErrorKind;
  message: string;
  /** The parser's errors, for `invalid`. */
  errors?: ParseError[];
}

export type ShareDecodeResult = { ok: true; topology: Topology } | { ok: false; error: ShareError };

/**
 * The design as a URL fragment (without `#`). Only the topology: no UI state and never a password (the model
 * has none). Keys equal to their defaults are left out, so links stay short; decoding fills them back.
 */
export function encodeShareFragment(topology: Topology): string {
  const json = JSON.stringify(compact(topologyData(topology), topology));
  return SHARE_PREFIX + encodeBase64url(zlibSync(strToU8(json), { level: 9 }));
}

/** Opens a fragment (with or without `#`); every failure is a typed error, never an exception. */
export function decodeShareFragment(fragment: string): ShareDecodeResult {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  const fail = (kind: ShareErrorKind, message: string, errors?: ParseError[]): ShareDecodeResult => ({ ok: false, error: { kind, message, errors } });
  if (text.length === 0) return fail('empty', 'The link carries no design.');
  const version = /^v(\d{1,6})\./.exec(text);
  if (!version) return fail('encoding', 'This is not a designer link: it should start with #v1.');
  if (version[1] !== '1') {
    return fail('unknown-version', `This link was made by a newer designer (link format v${version[1]}); this one opens v1 links.`);
  }
  if (text.length > SHARE_LIMITS.fragmentChars) {
    return fail('too-large', `The link is ${text.length} characters long; at most ${SHARE_LIMITS.fragmentChars} are opened. Share the topology file instead.`);
  }
  const payload = text.slice(SHARE_PREFIX.length);
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return fail('encoding', 'The link has characters that do not belong in it. Was it copied completely?');
  const bytes = decodeBase64url(payload);
  if (!bytes) return fail('corrupt', 'The link is damaged or cut short. Was it copied completely?');
  const inflated = inflate(bytes);
  if (inflated === 'too-large') return fail('too-large', `The design in the link unpacks to more than ${SHARE_LIMITS.inflatedBytes} bytes; it is not opened.`);
  if (inflated === null) return fail('corrupt', 'The link is damaged or cut short. Was it copied completely?');
  let data: unknown;
  try {
    data = JSON.parse(strFromU8(inflated));
  } catch {
    return fail('json', 'The link unpacks to something that is not a design.');
  }
  const result = parseTopology(data);
  if (!result.ok) {
    return fail('invalid', `The design in the link is not valid: ${result.errors[0].path}: ${result.errors[0].message}`, result.errors);
  }
  return result;
}

/** zlib inflate with a size cap; null when the stream is corrupt or truncated (Adler-32 catches most). */
function inflate(bytes: Uint8Array): Uint8Array | 'too-large' | null {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  let tooLarge = false;
  try {
    const stream = new Unzlib((chunk, final) => {
      total += chunk.length;
      if (total > SHARE_LIMITS.inflatedBytes) {
        tooLarge = true;
        throw new Error('too large');
      }
      chunks.push(chunk);
      if (final) done = true;
    });
    stream.push(bytes, true);
  } catch {
    return tooLarge ? 'too-large' : null;
  }
  if (!done) return null;
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Drops keys whose value is what parsing would fill in anyway. */
function compact(data: Record<string, unknown>, t: Topology): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  if (t.namespace === t.name) delete out.namespace;
  if (t.clusterDomain === DEFAULT_CLUSTER_DOMAIN) delete out.clusterDomain;
  if (t.image === DEFAULT_IMAGE) delete out.image;
  if (t.jetstream.enabled && t.jetstream.domain === null) delete out.jetstream;
  if (t.accounts.length === 0) delete out.accounts;
  if (t.gateways.length === 0) delete out.gateways;
  if (CLUSTER_FIELDS.every((f) => getField(t.defaults, f) === f.default)) delete out.defaults;
  out.clusters = (data.clusters as Record<string, unknown>[]).map((c) => {
    const o = { ...c };
    if (o.region === null) delete o.region;
    if (o.zone === null) delete o.zone;
    return o;
  });
  const preset = PROVIDERS[t.kind.provider];
  const kind: Record<string, unknown> = { ...t.kind };
  if (kind.cpus === preset.cpus) delete kind.cpus;
  if (kind.memory === preset.memory) delete kind.memory;
  if (kind.disk === preset.disk) delete kind.disk;
  if (kind.workers === 0) delete kind.workers;
  if (t.kind.otherWorkloads.length === 0) delete kind.otherWorkloads;
  if (kind.provider === 'podman' && Object.keys(kind).length === 1) delete out.kind;
  else out.kind = kind;
  return out;
}
