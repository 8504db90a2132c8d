/**
 * How names go into POSIX shell: the local scripts, `secrets.env`, and the commands the READMEs give to copy and
 * paste. One word that the shell reads back as exactly the name, whatever it holds: tested with `sh` itself.
 */

/** `s` in single quotes: nothing is special inside them but the quote itself, written as `'\''`. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `s` as one shell word: bare when it holds only characters no shell treats specially, else {@link shellQuote}d. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.@%+=:,/-]+$/.test(s) ? s : shellQuote(s);
}
