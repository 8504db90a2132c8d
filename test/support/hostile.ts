/**
 * Hostile text for names: what a share link, a pasted file or a forced render can carry. Each piece is there because
 * some output language gives it a meaning: quotes, backslashes and braces (nats.conf), `#` and `$` (nats.conf and
 * shell), `|`, backticks and `<` (Markdown), `:` and leading dashes (YAML), dots and slashes (paths), reserved device
 * names (Windows), names of Object.prototype members (lookups), and non-ASCII, wide and lone-surrogate characters.
 */
import fc from 'fast-check';

const PIECES = [
  '"', "'", '\\', '\\\\', '\\"', '\\x41', '\\u0041', '{', '}', '[', ']', '(', ')', ',', ';', ':', '=', '#', '//', '/*', '$', '${X}', '$NATS_PASSWORD_SYS',
  '`', '|', '<', '>', '&', '*', '_', '~', '!', '%', '@', '?', '^', '+', ' ', '  ', '\u00a0', '\u2028', '\u0085', '\ufeff',
  '-', '--', '.', '..', '/', '../', 'include', 'users', 'password', 'accounts', 'SYS', '$SYS', '$G',
  'constructor', '__proto__', 'toString', 'hasOwnProperty', 'con', 'NUL', 'com1', 'lpt9.txt', 'aux.',
  'ü', 'é', '€', '日本', '😀', '\ud83d', '\ude00', '\t', '\n', '\r', '\u0000', '\u0001', '\u007f',
  'a', 'b', 'x', 'z9', 'APP', 'alice', 'evil', '0', '1e3', 'true', 'null', '~', 'yes',
  '" } evil { "', '", user: evil, password: x }', "'; rm -rf ~; '", '$(id)', '`id`', '</h1><script>x</script>', '| a | b |', '\n# x',
];

/** A name made of hostile pieces (and plain letters), 1 to ~60 characters. */
export const hostileString: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 4, unit: 'binary' }) }), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join('').slice(0, 60))
  .filter((s) => s.length > 0);

/** Mostly valid names with a hostile one now and then: designs that get far into the renderers. */
export function mostlyValid(valid: fc.Arbitrary<string>, hostileWeight = 1): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: hostileWeight, arbitrary: hostileString });
}
