/** Small helpers the lint rules share: name checks, where a value comes from, and wording. */
import { DNS1123_LABEL } from '../names';
import { clusterField, getField, type ClusterFieldPath } from '../format/fields';
import type { Cluster } from '../model';

/** A cluster key that `defaults` can supply. */
export type ClusterField = ClusterFieldPath;

/** True when the cluster does not set `field` itself, so the effective value comes from `defaults`. */
export function isInherited(cluster: Cluster, field: ClusterField): boolean {
  const f = clusterField(field);
  return f !== undefined && getField(cluster, f) === undefined;
}

/** `" (from defaults)"` for inherited values: the UI shows effective values, so messages say where they are set. */
export function origin(cluster: Cluster, field: ClusterField): string {
  return isInherited(cluster, field) ? ' (from defaults)' : '';
}

/** `a`, `a and b`, `a, b and c`. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Items grouped by key, only the groups with more than one item, in first-seen order. */
export function repeated<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()].filter((g) => g.length > 1);
}

/** A DNS-1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters (StorageClass names, DNS domains). */
export function isDns1123Subdomain(s: string): boolean {
  return s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

/** Why `s` is not a DNS-1123 label (ignoring length when `max` is Infinity), or null when it is one. */
export function dns1123Reason(s: string, max = 63): string | null {
  if (s.length === 0) return 'it is empty';
  if (s.length > max) return `it is ${s.length} characters long (at most ${max})`;
  if (DNS1123_LABEL.test(s)) return null;
  if (/[A-Z]/.test(s) && DNS1123_LABEL.test(s.toLowerCase())) return 'it has upper-case letters';
  if (/[^a-zA-Z0-9-]/.test(s)) return "it has characters other than a-z, 0-9 and '-'";
  return 'it must start and end with a letter or digit';
}

/** A DNS-1123 label close to `s`, for fix texts: `My_Topology` → `my-topology`. */
export function suggestLabel(s: string, max = 63, fallback = 'nats'): string {
  const slug = s
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return slug || fallback;
}

/** JSON-quoted text for names that may hold spaces or odd characters. */
export function q(s: string): string {
  return JSON.stringify(s);
}
