import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../templates/index';
import { renderBundle } from './bundle';
import { readPreviousPasswords } from './previous-passwords';
import { zipBundle } from './zip';
import { renderSecretsEnv } from '../local/secrets-env';

const noetl = () => TEMPLATES.find((t) => t.id === 'noetl')!.topology();
const PW = new Map([
  ['sys', 'Sysadmin-password-1'],
  ['noetl', 'Noetl-password-12'],
]);
const text = (s: string) => strToU8(s);

describe('readPreviousPasswords', () => {
  it('reads the secret.yaml of a bundle, and the same Secret inside its zip', () => {
    const t = noetl();
    const files = renderBundle(t, { passwords: PW });
    const secret = files.find((f) => f.path === 'secret.yaml')!.content;
    const fromSecret = readPreviousPasswords(t, 'secret.yaml', text(secret));
    const fromZip = readPreviousPasswords(t, 'b.zip', zipBundle(files, t.name));
    expect(fromSecret).toEqual({ ok: true, value: { source: 'secret.yaml', passwords: PW, missing: [], unused: [], fromBundle: true } });
    expect(fromZip.ok && fromZip.value.source).toBe('b.zip (noetl-supercluster/secret.yaml)');
    expect(fromZip.ok && fromZip.value.passwords).toEqual(PW);
  });

  it('reads base64 data as a Secret fetched from a cluster has it, with stringData winning', () => {
    const b64 = Buffer.from(PW.get('noetl')!).toString('base64');
    const secret = `apiVersion: v1\nkind: Secret\ndata:\n  NATS_PASSWORD_NOETL: ${b64}\n  NATS_PASSWORD_SYS: ${Buffer.from('Xxxxxxxxxxxxxx1').toString('base64')}\nstringData:\n  NATS_PASSWORD_SYS: ${PW.get('sys')}\n`;
    const r = readPreviousPasswords(noetl(), 'live.yaml', text(secret));
    expect(r.ok && r.value.passwords).toEqual(PW);
    expect(readPreviousPasswords(noetl(), 'x.yaml', text('kind: Secret\ndata:\n  NATS_PASSWORD_SYS: "not base64!"\n'))).toEqual({
      ok: false,
      error: 'x.yaml: data.NATS_PASSWORD_SYS is not base64',
    });
  });

  it('reads a local secrets.env, and a zip that holds only the local target', () => {
    const t = noetl();
    const env = renderSecretsEnv(t, PW);
    const r = readPreviousPasswords(t, 'secrets.env', text(env));
    expect(r.ok && r.value.passwords).toEqual(PW);
    const zip = zipSync({ 'run/local/secrets.env': text(env) });
    const z = readPreviousPasswords(t, 'run.zip', zip);
    expect(z.ok && z.value.source).toBe('run.zip (run/local/secrets.env)');
  });

  it('names the users it had no password for, and what it held for users no longer in the design', () => {
    const t = noetl();
    t.accounts[0].users = ['noetl', 'worker'];
    const secret =
      'kind: Secret\nstringData:\n  NATS_PASSWORD_SYS: Sysadmin-password-1\n  NATS_PASSWORD_NOETL: Noetl-password-12\n  NATS_PASSWORD_OLD: Oldpassword-1234\n';
    const r = readPreviousPasswords(t, 's.yaml', text(secret));
    expect(r.ok && r.value).toMatchObject({ missing: ['worker'], unused: ['NATS_PASSWORD_OLD'], fromBundle: true });
  });

  it('reads a plain map of user: password, whatever the user is called', () => {
    const t = noetl();
    t.accounts[0].users = ['constructor', 'toString'];
    const r = readPreviousPasswords(t, 'pw.yaml', text('sys: Sysadmin-password-1\nconstructor: Constructor-pw-1\n'));
    expect(r.ok && r.value).toMatchObject({ missing: ['toString'], unused: [], fromBundle: false });
    expect(r.ok && r.value.passwords.get('constructor')).toBe('Constructor-pw-1');
    expect(r.ok && r.value.passwords.get('toString')).toBeUndefined();
  });

  it('refuses what is not a bundle, a password nats-server would misread, and anything too large', () => {
    const t = noetl();
    expect(readPreviousPasswords(t, 'l.yaml', text('- a\n'))).toEqual({
      ok: false,
      error: 'l.yaml: must be a Secret, a secrets.env, a bundle zip, or a map of user: password',
    });
    expect(readPreviousPasswords(t, 'p.yaml', text('noetl: "1 # x"\n'))).toEqual({
      ok: false,
      error: 'p.yaml: the password of noetl must be 12 to 128 letters, digits or ._~- and start with a letter',
    });
    expect(readPreviousPasswords(t, 'e.zip', zipSync({ 'x/notes.txt': text('hi') }))).toEqual({
      ok: false,
      error: 'e.zip: the zip holds no secret.yaml or local/secrets.env',
    });
    expect(readPreviousPasswords(t, 'big', new Uint8Array(5 * 1024 * 1024))).toMatchObject({ ok: false, error: expect.stringContaining('too large') });
  });
});
