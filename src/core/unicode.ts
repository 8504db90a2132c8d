/**
 * Text that is not well-formed UTF-16 (a surrogate without its other half) has no UTF-8 encoding: no file, no
 * zip and no server can carry it, so the parser refuses it in every name and each output language replaces it.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');

export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s);
}

/** `s` with every lone surrogate replaced (by U+FFFD unless told otherwise), as a UTF-8 encoder would. */
export function replaceLoneSurrogates(s: string, by = '\ufffd'): string {
  return s.replace(LONE_SURROGATES, by);
}
