import { didYouMean } from './did-you-mean';
import { parseQuantity } from '../quantity';
import { hasLoneSurrogate } from '../unicode';

/** A path into the topology document: keys and list indices. */
export type Path = (string | number)[];

export interface FieldError {
  path: Path;
  message: string;
  /** Point at the key rather than its value (unknown keys). */
  atKey?: boolean;
}

/** `['clusters', 1, 'replicas']` → `clusters[1].replicas`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${p}` : p;
  }
  return out || '(top level)';
}

export const MAX_STRING = 253;

/**
 * Reads untrusted plain data with a path at every step, collecting errors instead of throwing, so one pass
 * reports every mistake in a file.
 */
export class Reader {
  /** The first {@link kept} errors; {@link count} counts them all. */
  readonly errors: FieldError[] = [];
  count = 0;

  /** @param kept how many errors to keep with their messages: past it, a file is broken throughout. */
  constructor(readonly kept = Infinity) {}

  fail(path: Path, message: string): undefined {
    this.add({ path, message });
    return undefined;
  }

  private add(error: FieldError): void {
    this.count++;
    if (this.errors.length < this.kept) this.errors.push(error);
  }

  /** A mapping with only the given keys; unknown keys are errors with a did-you-mean. */
  object(value: unknown, path: Path, known: readonly string[]): Record<string, unknown> | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return this.fail(path, `must be a mapping (key: value), not ${describe(value)}`);
    }
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) {
        // Past the errors kept, only count: a did-you-mean for each of 190,000 unknown keys took seconds.
        if (this.errors.length >= this.kept) {
          this.count++;
          continue;
        }
        const guess = didYouMean(key, known);
        this.add({
          path: [...path, key],
          message: `unknown key${guess ? `; did you mean "${guess}"?` : ` (known: ${known.join(', ')})`}`,
          atKey: true,
        });
      }
    }
    return obj;
  }

  list(value: unknown, path: Path, max: number): unknown[] | undefined {
    if (!Array.isArray(value)) return this.fail(path, `must be a list, not ${describe(value)}`);
    if (value.length > max) return this.fail(path, `has ${value.length} entries; at most ${max} are allowed`);
    return value;
  }

  string(value: unknown, path: Path, max = MAX_STRING): string | undefined {
    if (typeof value !== 'string') return this.fail(path, `must be text, not ${describe(value)}`);
    if (value.length === 0) return this.fail(path, 'must not be empty');
    if (value.length > max) return this.fail(path, `is ${value.length} characters long; at most ${max} are allowed`);
    // Control characters are never valid in a name, tag or label and are how text escapes a file's syntax.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value)) return this.fail(path, 'must not contain control characters such as newlines or tabs');
    // Half of a surrogate pair has no UTF-8 form: no file, zip or server could hold the name.
    if (hasLoneSurrogate(value)) return this.fail(path, 'must be valid Unicode text (it holds half of a surrogate pair)');
    return value;
  }

  nullableString(value: unknown, path: Path): string | null | undefined {
    return value === null ? null : this.string(value, path);
  }

  boolean(value: unknown, path: Path): boolean | undefined {
    if (typeof value !== 'boolean') return this.fail(path, `must be true or false, not ${describe(value)}`);
    return value;
  }

  integer(value: unknown, path: Path, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.fail(
        path,
        `must be a whole number from ${min} to ${max}${typeof value === 'number' || typeof value === 'string' ? `, not ${describe(value)}` : ''}`,
      );
    }
    return value;
  }

  finite(value: unknown, path: Path, bound: number): number | undefined {
    if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > bound) {
      return this.fail(path, `must be a number between -${bound} and ${bound}`);
    }
    return value;
  }

  /** A Kubernetes quantity (`250m`, `1`, `512Mi`); numbers are accepted and kept as their text. */
  quantity(value: unknown, path: Path, max: number, unit: string): string | undefined {
    const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
    if (typeof text !== 'string') return this.fail(path, `must be a Kubernetes quantity such as ${unit}, not ${describe(value)}`);
    const v = text.length <= 32 ? parseQuantity(text) : null;
    if (v === null) return this.fail(path, `"${clip(text)}" is not a Kubernetes quantity (for example ${unit})`);
    if (v < 0 || v > max) return this.fail(path, `"${clip(text)}" is out of range`);
    return text;
  }

  oneOf<T extends string>(value: unknown, path: Path, options: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !options.includes(value as T)) {
      const guess = typeof value === 'string' ? didYouMean(value, options) : null;
      return this.fail(path, `must be one of ${options.join(', ')}${guess ? `; did you mean "${guess}"?` : ''}`);
    }
    return value as T;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${clip(value)}"`;
  return String(value);
}

function clip(s: string): string {
  // eslint-disable-next-line no-control-regex
  const safe = s.replace(/[\u0000-\u001f\u007f]/g, '?');
  return safe.length > 40 ? `${safe.slice(0, 40)}…` : safe;
}
