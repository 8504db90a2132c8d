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

/** One YAML document. */
export function toYaml(value: unknown, flow: FlowStyle = {}): string {
  const out: string[] = [];
  if (isPlainObject(value) || Array.isArray(value)) emitBlock(value, 0, out, flow, false);
  else out.push(scalar(value, 0));
  return `${out.join('\n')}\n`;
}

/** Several objects as one multi-document YAML file. */
export function toYamlDocuments(values: unknown[]): string {
  return values.map((v) => `---\n${toYaml(v)}`).join('');
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
        const nested: string[] = [];
        emitBlock(item, indent + 2, nested, flow, false);
        out.push(`${pad}- ${nested[0].slice(indent + 2)}`, ...nested.slice(1));
      } else {
        out.push(`${pad}- ${inline(item, indent + 2)}`);
      }
    }
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const k = scalar(key, indent);
    if ((isPlainObject(v) || Array.isArray(v)) && flow.keys?.has(key)) {
      out.push(`${pad}${k}: ${flowText(v)}`);
    } else if ((isPlainObject(v) || Array.isArray(v)) && !isEmptyCollection(v)) {
      out.push(`${pad}${k}:`);
      emitBlock(v, indent + 2, out, flow, Array.isArray(v) && (flow.itemsOf?.has(key) ?? false));
    } else {
      out.push(`${pad}${k}: ${inline(v, indent + 2)}`);
    }
  }
}

/** A collection on one line, in flow syntax: `{ cpu: 250m, memory: 512Mi }`, `[a, b]`. */
function flowText(v: unknown): string {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[ ${v.map(flowText).join(', ')} ]`;
  if (isPlainObject(v)) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${flowScalar(k)}: ${flowText(x)}`).join(', ')} }`;
  }
  return flowScalar(v);
}

/** Inside flow collections a scalar is plain only if it holds none of `,[]{}`; the plain rules exclude them. */
function flowScalar(v: unknown): string {
  const text = scalar(v, 0);
  return text.startsWith('|') ? quoted(String(v)) : text;
}

/** A value that fits after `key: ` or `- `: a scalar, an empty collection, or a block literal. */
function inline(v: unknown, indent: number): string {
  if (Array.isArray(v)) return '[]';
  if (isPlainObject(v)) return '{}';
  return scalar(v, indent);
}

const RESERVED = new Set(['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'null', '~', '']);
/** Plain strings that no YAML 1.1 or 1.2 reader turns into anything but that string. */
const PLAIN = /^(--?)?[A-Za-z_/][A-Za-z0-9_./-]*(:[A-Za-z0-9_./-]+)*$/;
/** Quantities like 250m, 512Mi, 2Gi: a number followed by letters only is never a number. */
const PLAIN_QUANTITY = /^\d+(\.\d+)?[A-Za-z]+$/;
const EXPONENT = /^\d+(\.\d+)?[eE]$/;

function scalar(v: unknown, indent: number): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as YAML`);
    return String(v);
  }
  const s = String(v);
  if (s.includes('\n') && isLiteralSafe(s)) return literal(s, indent);
  if ((PLAIN.test(s) || (PLAIN_QUANTITY.test(s) && !EXPONENT.test(s))) && !RESERVED.has(s.toLowerCase())) return s;
  return quoted(s);
}

/** JSON string syntax is valid YAML double-quoted syntax; line and paragraph separators are escaped too. */
function quoted(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029').replace(/\u0085/g, '\\u0085');
}

/** A literal block keeps text byte for byte when no line starts the block with a space and nothing is a control character. */
function isLiteralSafe(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0009\u000b-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s) && !s.startsWith(' ') && !/ \n|\n\n$| $/.test(s);
}

function literal(s: string, indent: number): string {
  const chomp = s.endsWith('\n') ? '' : '-';
  const body = s.endsWith('\n') ? s.slice(0, -1) : s;
  const pad = ' '.repeat(indent);
  return `|${chomp}\n${body
    .split('\n')
    .map((line) => (line === '' ? '' : pad + line))
    .join('\n')}`;
}
