/**
 * Kubernetes quantities (`250m`, `1`, `512Mi`, `5G`): parsing to exact numbers and formatting for people.
 * Values are plain numbers; anything past 2^53 is refused so arithmetic stays exact.
 */

const QUANTITY = /^(\d+(?:\.\d+)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\d{1,2})?$/;

const SUFFIX: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** Parses a quantity to its value in base units (cores, bytes), or null when it is not a quantity. */
export function parseQuantity(text: string): number | null {
  const m = QUANTITY.exec(text);
  if (!m) return null;
  const suffix = m[2] ?? '';
  const factor = /^[eE][+-]?\d/.test(suffix) ? 10 ** Number(suffix.slice(1)) : SUFFIX[suffix];
  if (factor === undefined) return null;
  const value = Number(m[1]) * factor;
  return Number.isFinite(value) ? value : null;
}

/** CPU quantity in millicores, rounded up as Kubernetes does. */
export function cpuMillis(text: string): number {
  const v = parseQuantity(text);
  if (v === null) throw new Error(`not a CPU quantity: ${text}`);
  return Math.ceil(Math.round(v * 1e6) / 1e3);
}

/** Memory or storage quantity in bytes, rounded up to a whole byte. */
export function bytes(text: string): number {
  const v = parseQuantity(text);
  if (v === null) throw new Error(`not a byte quantity: ${text}`);
  return Math.ceil(v - 1e-9);
}

export const MiB = 2 ** 20;
export const GiB = 2 ** 30;

/** `1536Mi` → "1.5 GiB"; for people, never for files. */
export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = n;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : trimNumber(v)} ${units[i]}`;
}

/** 2450 → "2450m"; for people. */
export function formatMillis(m: number): string {
  return `${Math.round(m)}m`;
}

/** Whole MiB, as the budget tables show memory (3362Mi). */
export function formatMi(n: number): string {
  return `${Math.round(n / MiB)}Mi`;
}

function trimNumber(v: number): string {
  return v.toFixed(2).replace(/\.?0+$/, '');
}
