import { strToU8, zipSync, type Zippable } from 'fflate';
import { fileMode, safePathSegment, type BundleFile } from './files';

/**
 * The bundle as a zip with one top folder. Byte-identical for the same files everywhere: entries sorted, fixed
 * compression, and a fixed timestamp built with the *local* Date constructor (zip stores local time, so a UTC
 * date would give different bytes per time zone, and throws west of UTC).
 */
export function zipBundle(files: BundleFile[], topFolder: string): Uint8Array {
  const entries: Zippable = {};
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  for (const f of sorted) {
    // Unix permissions in the external attributes (os 3): unzip restores 0600 for the files with passwords.
    entries[`${safePathSegment(topFolder)}/${f.path}`] = [strToU8(f.content), { level: 9, mtime, os: 3, attrs: (fileMode(f.path) | 0o100000) << 16 }];
  }
  return zipSync(entries);
}
