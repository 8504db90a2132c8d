/**
 * The design inside a previous bundle's zip (`<name>/topology.yaml`, as the CLI's `render --zip` and the designer
 * write it), for the day-2 changes since it. Untrusted: it goes through `parseTopology`.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { LIMITS, parseTopology, type Topology } from '../../core';

/** The topology of a bundle zip, or null when `bytes` is no zip or holds no readable topology.yaml. */
export function previousDesign(bytes: Uint8Array): Topology | null {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => /^([^/]+\/)?topology\.yaml$/.test(f.name) && f.originalSize <= LIMITS.textChars * 4 });
  } catch {
    return null;
  }
  const path = Object.keys(entries).sort((a, b) => a.length - b.length)[0];
  if (path === undefined) return null;
  const parsed = parseTopology(strFromU8(entries[path]));
  return parsed.ok ? parsed.topology : null;
}
