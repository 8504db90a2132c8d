/**
 * The one YAML serializer for everything we emit to Kubernetes. A small emitter for plain data (objects,
 * arrays, strings, numbers, booleans, null): a general YAML library spends >95% of a render here, and our
 * shapes need none of its generality. Output is block style, keys in insertion order (builders put
 * apiVersion, kind, metadata first), multi-line strings as `|` literals, and any string a YAML 1.1 or 1.2
 * reader could take for something else double-quoted. Tests parse every file back and kubectl builds it.
 */

/** Which collections to write on one line (`{ x: 0, y: 0 }`, `[a, b]`); the rest are block style. */
export interface FlowStyle {
  /** Values of these keys. */
  keys?: ReadonlySet<string>;
  /** Every item of lists under these keys. */
  itemsOf?: ReadonlySet<string>;
}

/** `value` as one YAML document, ending in a newline. */
export function toYaml(value: unknown, flow: FlowStyle = {}): string {
  const out: string[] = [];
  emitDocument(value, out, flow);
  return `${out.join('\n')}\n`;
}

/** Several objects as one multi-document YAML file. */
export function toYamlDocuments(values: unknown[]): string {
  // One list of lines for the whole file: a ConfigMap's conf is copied once, not once per document and again.
  if (values.length === 0) return '';
  const out: string[] = [];
  for (const v of values) {
    out.push('---');
    emitDocument(v, out, {});
  }
  return `${out.join('\n')}\n`;
}

function emitDocument(value: unknown, out: string[], flow: FlowStyle): void {
  if (isPlainObject(value) || Array.isArray(value)) emitBlock(value, 0, out, flow, false);
  else emitInline('', value, 0, out);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return Array.isArray(v) ? v.length === 0 : isPlainObject(v) && Object.keys(v).length === 0;
}

/** Emits a non-empty object or array at `indent` spaces, one line per entry. */
function emitBlock(value: Record<string, unknown> | unknown[], indent: number, out: string[], flow: FlowStyle, flowItems: boolean): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${pad}[]`);
      return;
    }
    for (const item of value) {
      if (flowItems && (isPlainObject(item) || Array.isArray(item))) {
        out.push(`${pad}- ${flowText(item)}`);
      } else if ((isPlainObject(item) || Array.isArray(item)) && !isEmptyCollection(item)) {
        // The first entry of a mapping shares the dash's line: `- name: x`.
        const first = out.length;
        emitBlock(item, indent + 2, out, flow, false);
        out[first] = `${pad}- ${out[first].slice(indent + 2)}`;
      } else {
        emitInline(`${pad}- `, item, indent + 2, out);
      }
    }
    return;
  }
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const k = scalar(key);
    if ((isPlainObject(v) || Array.isArray(v)) && flow.keys?.has(key)) {
      out.push(`${pad}${k}: ${flowText(v)}`);
    } else if ((isPlainObject(v) || Array.isArray(v)) && !isEmptyCollection(v)) {
      out.push(`${pad}${k}:`);
      emitBlock(v, indent + 2, out, flow, Array.isArray(v) && (flow.itemsOf?.has(key) ?? false));
    } else {
      emitInline(`${pad}${k}: `, v, indent + 2, out);
    }
  }
}

/** A collection on one line, in flow syntax: `{ cpu: 250m, memory: 512Mi }`, `[a, b]`. */
function flowText(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[ ${v.map(flowText).join(', ')} ]`;
  if (isPlainObject(v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    // Inside flow collections a scalar is plain only if it holds none of `,[]{}`; the plain rules exclude them.
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${scalar(k)}: ${flowText(x)}`).join(', ')} }`;
  }
  return scalar(v);
}

/**
 * Writes `prefix` (`key: ` or `- `) and a value that fits after it: a scalar, an empty collection, or a block
 * literal whose lines follow at `indent` spaces. The lines go straight into `out`, so a ConfigMap's conf is not
 * joined into one more string on its way.
 */
function emitInline(prefix: string, v: unknown, indent: number, out: string[]): void {
  if (typeof v === 'string' && v.includes('\n') && isLiteralSafe(v)) {
    out.push(`${prefix}|${v.endsWith('\n') ? '' : '-'}`);
    const body = v.endsWith('\n') ? v.slice(0, -1) : v;
    const pad = ' '.repeat(indent);
    for (const line of body.split('\n')) out.push(line === '' ? '' : pad + line);
  } else if (Array.isArray(v)) {
    out.push(`${prefix}[]`);
  } else if (isPlainObject(v)) {
    out.push(`${prefix}{}`);
  } else {
    out.push(prefix + scalar(v));
  }
}

const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '']);
/** Plain strings that no YAML 1.1 or 1.2 reader turns into anything but that string. */
const PLAIN = /^(--?)?[A-Za-z_/][A-Za-z0-9_./-]*(:[A-Za-z0-9_./-]+)*$/;
/** Quantities like 250m, 512Mi, 2Gi: a number followed by letters only is never a number. */
const PLAIN_QUANTITY = /^\d+(\.\d+)?[A-Za-z]+$/;
const EXPONENT = /^\d+(\.\d+)?[eE]$/;

/** A value on one line: plain when that reads back as the same string, else double-quoted. */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as YAML`);
    return String(v);
  }
  const s = String(v);
  if (s.includes('\n')) return quoted(s);
  let text = oneLine.get(s);
  if (text === undefined) {
    text = (PLAIN.test(s) || (PLAIN_QUANTITY.test(s) && !EXPONENT.test(s))) && !RESERVED.has(s.toLowerCase()) ? s : quoted(s);
    if (oneLine.size >= 10_000) oneLine.clear();
    oneLine.set(s, text);
  }
  return text;
}

/**
 * The text of one-line strings written before. Every manifest repeats the same keys, labels and names, and the
 * plain-or-quoted tests took a fifth of a 50-cluster render; bounded, so a long session cannot grow it without end.
 */
const oneLine = new Map<string, string>();

/** JSON string syntax is valid YAML double-quoted syntax; line and paragraph separators are escaped too. */
function quoted(s: string): string {
  return JSON.stringify(s)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/\u0085/g, '\\u0085');
}

/** A literal block keeps text byte for byte when no line starts the block with a space and nothing is a control character. */
function isLiteralSafe(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s)) return false;
  // Plain string searches, not one more regex: a ConfigMap's whole conf passes through here.
  return !s.startsWith(' ') && !s.includes(' \n') && !s.endsWith(' ') && !s.endsWith('\n\n');
}
