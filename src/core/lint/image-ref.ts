/** Container image references (`[registry/]path[:tag][@digest]`), read the way container runtimes read them. */

export interface ImageRef {
  /** `docker.io`, `localhost:5000`, …; null when the reference names none (Docker Hub). */
  registry: string | null;
  /** `nats`, `library/nats`, `myteam/nats`. */
  path: string;
  tag: string | null;
  digest: string | null;
}

/** A server version read from a tag; minor and patch are null when the tag floats over them (`2.10-alpine`). */
export interface TagVersion {
  major: number;
  minor: number | null;
  patch: number | null;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const REGISTRY = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

/** Parses an image reference, or returns null when a runtime would refuse it (InvalidImageName). */
export function parseImageRef(text: string): ImageRef | null {
  let rest = text;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return null;
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return null;
  }
  const parts = rest.split('/');
  let registry: string | null = null;
  // The first part is a registry when it looks like a host, as Docker decides it.
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost' || /[A-Z]/.test(parts[0]))) {
    registry = parts.shift()!;
    if (!REGISTRY.test(registry)) return null;
  }
  if (parts.length === 0 || !parts.every((p) => PATH_COMPONENT.test(p))) return null;
  const path = parts.join('/');
  if (path.length > 255) return null;
  return { registry, path, tag, digest };
}

/** True for the NATS server image: `nats` on Docker Hub, or any mirror whose last path component is `nats`. */
export function isNatsImage(ref: ImageRef): boolean {
  return ref.path.split('/').pop() === 'nats';
}

/** The version at the start of a tag (`2.9.3-alpine` → 2.9.3, `v2.10` → 2.10), or null (`alpine`, `latest`). */
export function tagVersion(tag: string): TagVersion | null {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?=$|[-_+])/.exec(tag);
  if (!m) return null;
  return { major: Number(m[1]), minor: m[2] === undefined ? null : Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) };
}

/**
 * Whether every image a tag can point to is older than `min`. A floating tag (`2.9`) counts by its newest release,
 * so `2.9-alpine` is not older than 2.9.10.
 */
export function olderThan(v: TagVersion, min: { major: number; minor: number; patch: number }): boolean {
  if (v.major !== min.major) return v.major < min.major;
  if (v.minor === null) return false;
  if (v.minor !== min.minor) return v.minor < min.minor;
  if (v.patch === null) return false;
  return v.patch < min.patch;
}

/** `2.9.3`, `2.10`, `2`. */
export function formatVersion(v: TagVersion): string {
  return [v.major, v.minor, v.patch].filter((n) => n !== null).join('.');
}
