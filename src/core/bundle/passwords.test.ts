import { describe, expect, it } from 'vitest';
import { generatePasswords, PASSWORD_LENGTH, SAFE_PASSWORD } from './passwords';
import { TEMPLATES } from '../templates/index';

describe('passwords', () => {
  it('generates one strong password per user, the system user included', () => {
    const t = TEMPLATES[0].topology();
    let n = 0;
    const pw = generatePasswords(t, (k) => Uint8Array.from({ length: k }, () => (n = (n * 31 + 7) % 256)));
    expect([...pw.keys()]).toEqual(['sys', 'noetl']);
    for (const p of pw.values()) {
      expect(p).toHaveLength(PASSWORD_LENGTH);
      expect(p).toMatch(SAFE_PASSWORD);
    }
  });

  it('gives no passwords when no account has users (nobody needs one)', () => {
    expect(generatePasswords(TEMPLATES[1].topology(), (k) => new Uint8Array(k))).toEqual(new Map());
  });

  // nats-server 2.9.10 parses an environment variable's value as config text (seen with `nats-server -t`):
  // `12345678` becomes a number ("interface {} is int64, not string"), `true` a boolean, `abc def` a parse
  // error, and `x#y` silently the password "x" (the rest is a comment).
  it.each(['12345678', 'true', 'abc def', 'x#y-long-enough', 'short1', '"quoted-password"'])('refuses %j, which the server would misread', (pw) => {
    expect(SAFE_PASSWORD.test(pw)).toBe(false);
  });
});
