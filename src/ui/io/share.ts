/** Share links: the design in the URL fragment (`#v1.…`), built and read by the core's codec. */
import { encodeShareFragment, SHARE_LIMITS, type Topology } from '../../core';

export interface ShareLink {
  url: string;
  /** The link's length in characters. */
  length: number;
  /** Long enough that chat tools and old browsers may cut it. */
  long: boolean;
  /** Too long for any designer to open (the decoder refuses it). */
  tooLong: boolean;
}

/** The link to this page with the design in its fragment: the design only, no UI state, never a password. */
export function shareLink(where: { origin: string; pathname: string }, topology: Topology): ShareLink {
  const fragment = encodeShareFragment(topology);
  const url = `${where.origin}${where.pathname}#${fragment}`;
  return { url, length: url.length, long: url.length > SHARE_LIMITS.warnChars, tooLong: fragment.length > SHARE_LIMITS.fragmentChars };
}

/** Whether a location hash is meant as a share link (anything else in the hash is left alone). */
export function isShareHash(hash: string): boolean {
  return /^#v/.test(hash);
}
