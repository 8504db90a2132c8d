/**
 * Reads the cluster settings (`defaults:` and each cluster's overrides) by walking the field table
 * (`format/fields.ts`): each key's kind, bounds and meaning of `null` come from its row.
 */
import { FIELD_TREE, fillDefaults, type FieldNode, type FieldSpec } from '../format/fields';
import type { Reader, Path } from './reader';

/**
 * `defaults` fills every key the file leaves out with its default; `override` keeps only what the cluster sets,
 * with `null` kept as "remove the default".
 */
type Mode = 'defaults' | 'override';

/** The keys a settings mapping may hold at its top: `replicas`, `resources`, `jetstream`... */
export const SETTINGS_KEYS: readonly string[] = FIELD_TREE.map((n) => n.key);

/** `defaults:` of a file (undefined or null: every default). Errors are recorded in `r`. */
export function readDefaultSettings(r: Reader, v: unknown, path: Path): Record<string, unknown> | undefined {
  if (v === undefined || v === null) return fillDefaults(FIELD_TREE);
  const o = r.object(v, path, SETTINGS_KEYS);
  return o && readNodes(r, o, path, FIELD_TREE, 'defaults', 1);
}

/** The settings a cluster overrides, read from its mapping (whose keys the caller has checked). */
export function readOverrides(r: Reader, o: Record<string, unknown>, path: Path): Record<string, unknown> | undefined {
  return readNodes(r, o, path, FIELD_TREE, 'override', 1);
}

function readNodes(
  r: Reader,
  o: Record<string, unknown>,
  path: Path,
  nodes: readonly FieldNode[],
  mode: Mode,
  depth: number,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let ok = true;
  for (const n of nodes) {
    const raw = o[n.key];
    const at = [...path, n.key];
    if (n.field) {
      const v = readLeaf(r, raw, at, n.field, mode);
      if (v === FAILED) ok = false;
      else if (v !== UNSET) out[n.key] = v;
      continue;
    }
    if (raw === undefined) {
      if (mode === 'defaults') out[n.key] = fillDefaults(n.children);
      continue;
    }
    if (raw === null) {
      // An outer group's null is "nothing overridden"; in `defaults`, an inner group of removable keys' null removes
      // them all (`limits: null`). Anything else is not a mapping.
      if (mode === 'override' && depth === 1) continue;
      if (mode === 'defaults' && depth > 1 && n.children.every((c) => c.field?.nullable === 'remove')) {
        out[n.key] = {};
        continue;
      }
    }
    const child = r.object(
      raw,
      at,
      n.children.map((c) => c.key),
    );
    const value = child && readNodes(r, child, at, n.children, mode, depth + 1);
    if (value === undefined) ok = false;
    else out[n.key] = value;
  }
  return ok ? out : undefined;
}

const FAILED = Symbol('failed');
const UNSET = Symbol('unset');

function readLeaf(r: Reader, raw: unknown, path: Path, f: FieldSpec, mode: Mode): unknown {
  if (raw === undefined) return mode === 'defaults' && f.default !== undefined ? f.default : UNSET;
  if (raw === null && f.nullable === 'remove') return mode === 'defaults' ? UNSET : null;
  if (raw === null && f.nullable === 'value') return null;
  let v: unknown;
  switch (f.kind) {
    case 'integer':
      v = r.integer(raw, path, f.min ?? 0, f.max);
      break;
    case 'cpu':
    case 'bytes':
      v = r.quantity(raw, path, f.max, f.example);
      break;
    case 'text':
      v = r.string(raw, path, f.max);
      break;
    case 'boolean':
      v = r.boolean(raw, path);
      break;
  }
  return v === undefined ? FAILED : v;
}
