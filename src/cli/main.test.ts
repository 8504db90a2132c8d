import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { renderBundle, serializeTopology, TEMPLATES } from '../core';
import { cli } from '../../test/support/cli';

const dir = mkdtempSync(join(tmpdir(), 'cli-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeTopology(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const noetl = writeTopology('noetl.yaml', serializeTopology(TEMPLATES[0].topology()));
const broken = writeTopology('bad-name.yaml', 'version: 1\nname: x\nclusters:\n  - name: Bad_Name\n');

describe('nats-topology CLI', () => {
  it('lists the built-in templates', () => {
    const r = cli('templates');
    expect(r.code).toBe(0);
    for (const t of TEMPLATES) expect(r.out).toContain(t.id);
  });

  it('init writes a template that lints clean of errors', () => {
    const file = join(dir, 'init.yaml');
    expect(cli('init', 'light', file).code).toBe(0);
    expect(cli('init', 'light', file).code).toBe(64); // refuses to overwrite
    expect(cli('lint', file, '--format', 'json').code).toBe(0);
  });

  it('render --out writes exactly the bundle files', () => {
    const out = join(dir, 'bundle');
    const r = cli('render', noetl, '--out', out);
    expect(r.code).toBe(0);
    const written = walk(out).sort();
    expect(written).toEqual(renderBundle(TEMPLATES[0].topology()).map((f) => f.path));
    expect(readFileSync(join(out, 'nats-conf/a.conf'), 'utf8')).toBe(renderBundle(TEMPLATES[0].topology()).find((f) => f.path === 'nats-conf/a.conf')!.content);
    // The Secret holds real random passwords, not the preview placeholder.
    expect(readFileSync(join(out, 'secret.yaml'), 'utf8')).toMatch(/NATS_PASSWORD_NOETL: [A-Za-z][A-Za-z0-9]{31}\n/);
  });

  it('render --zip writes one top folder named after the topology', () => {
    const zip = join(dir, 'b.zip');
    expect(cli('render', noetl, '--zip', zip).code).toBe(0);
    const names = Object.keys(unzipSync(readFileSync(zip)));
    expect(names.every((n) => n.startsWith('noetl-supercluster/'))).toBe(true);
    expect(names).toContain('noetl-supercluster/kustomization.yaml');
  });

  it('render refuses a design with lint errors unless --force, and writes nothing', () => {
    const out = join(dir, 'refused');
    const r = cli('render', broken, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--force/);
    expect(() => statSync(out)).toThrow();
    expect(cli('render', broken, '--out', out, '--force').code).toBe(0);
  });

  it('lint exits 1 on errors, 0 when clean, 2 on unreadable input', () => {
    expect(cli('lint', broken).code).toBe(1);
    expect(cli('lint', join(dir, 'missing.yaml')).code).toBe(2);
    expect(cli('lint', writeTopology('syntax.yaml', 'version: 1\nname: [\n')).code).toBe(2);
  });

  it('lint --format json gives machines the problems', () => {
    const r = cli('lint', broken, '--format', 'json');
    const json = JSON.parse(r.out) as { problems: { code: string; severity: string }[] };
    expect(json.problems.some((p) => p.severity === 'error')).toBe(true);
  });

  it('budget --format json lists the pods that would stay Pending, exiting 1', () => {
    const small = writeTopology(
      'small.yaml',
      serializeTopology({ ...TEMPLATES[0].topology(), kind: { ...TEMPLATES[0].topology().kind, memory: '2Gi', otherWorkloads: [] } }),
    );
    const r = cli('budget', small, '--format', 'json');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { pending: { pod: string; reason: string }[]; problems: { code: string }[] };
    expect(json.pending.length).toBeGreaterThanOrEqual(3);
    expect(json.problems.map((p) => p.code)).toContain('S2');
  });

  it('budget prints a table by default', () => {
    const r = cli('budget', noetl);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/kind-control-plane/);
  });

  it('rejects unknown commands and options with usage', () => {
    expect(cli('frobnicate').code).toBe(64);
    expect(cli('lint', noetl, '--colour').code).toBe(64);
  });
});

function walk(root: string, prefix = ''): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(root, join(prefix, e.name)) : [join(prefix, e.name)]));
}

describe('nats-topology render --target local', () => {
  it('writes one conf per server plus the scripts under local/', () => {
    const out = join(dir, 'local-run');
    const r = cli('render', noetl, '--target', 'local', '--out', out, '--base-port', '15000');
    expect(r.code).toBe(0);
    const files = walk(out).sort();
    expect(files.filter((f) => f.endsWith('.conf'))).toEqual(['a', 'b'].flatMap((c) => [0, 1, 2].map((i) => `local/nats-${c}-${i}.conf`)));
    expect(files).toEqual(expect.arrayContaining(['local/start.sh', 'local/stop.sh', 'local/secrets.env', 'local/README.md']));
    expect(statSync(join(out, 'local/start.sh')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(out, 'local/nats-a-0.conf'), 'utf8')).toContain('port: 15000');
  });

  it('refuses a base port that leaves no room', () => {
    expect(cli('render', noetl, '--target', 'local', '--out', join(dir, 'x'), '--base-port', '65530').code).toBe(1);
  });
});

describe('nats-topology render --passwords', () => {
  it('uses the given passwords, so two renders give identical zips', () => {
    const pw = writeTopology('pw.yaml', 'sys: Sysadmin-password-1\nnoetl: Noetl-password-12\n');
    const [z1, z2] = [join(dir, 'p1.zip'), join(dir, 'p2.zip')];
    expect(cli('render', noetl, '--zip', z1, '--passwords', pw).code).toBe(0);
    expect(cli('render', noetl, '--zip', z2, '--passwords', pw).code).toBe(0);
    expect(readFileSync(z1).equals(readFileSync(z2))).toBe(true);
    expect(strFromU8(unzipSync(readFileSync(z1))['noetl-supercluster/secret.yaml'])).toContain('NATS_PASSWORD_NOETL: Noetl-password-12');
  });

  it('refuses a password nats-server would misread, and an unknown user', () => {
    expect(cli('render', noetl, '--zip', join(dir, 'x.zip'), '--passwords', writeTopology('bad.yaml', 'noetl: "123 # not safe"\n')).code).toBe(2);
    expect(cli('render', noetl, '--zip', join(dir, 'x.zip'), '--passwords', writeTopology('who.yaml', 'alice: Alice-password-12\n')).code).toBe(2);
  });
});

describe('nats-topology render into an existing bundle (day 2)', () => {
  const secretOf = (out: string) => readFileSync(join(out, 'secret.yaml'), 'utf8');
  const passwordsIn = (text: string) => Object.fromEntries([...text.matchAll(/^ {2}(NATS_PASSWORD_[A-Z0-9_]+): (\S+)$/gm)].map((m) => [m[1], m[2]]));

  it('keeps every password already in the output, says so, and writes the same bytes again', () => {
    // Given a rendered bundle
    const out = join(dir, 'day2-keep');
    expect(cli('render', noetl, '--out', out).code).toBe(0);
    const before = Object.fromEntries(walk(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]));

    // When it is rendered again into the same folder
    const again = cli('render', noetl, '--out', out);

    // Then nothing changes, and the log says where the passwords came from without showing them
    expect(again.code).toBe(0);
    expect(again.err).toContain(`kept the passwords of 2 users from ${join(out, 'secret.yaml')}`);
    for (const pw of Object.values(passwordsIn(before['secret.yaml']))) expect(`${again.out}${again.err}`).not.toContain(pw);
    expect(Object.fromEntries(walk(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]))).toEqual(before);
  });

  it('gives a new user a new password and keeps the others; the Secret gets a new name and every StatefulSet follows it', () => {
    const out = join(dir, 'day2-new-user');
    expect(cli('render', noetl, '--out', out).code).toBe(0);
    const first = passwordsIn(secretOf(out));
    const t = TEMPLATES[0].topology();
    t.accounts[0].users.push('worker');
    const grown = writeTopology('noetl-grown.yaml', serializeTopology(t));

    const r = cli('render', grown, '--out', out);

    expect(r.code).toBe(0);
    expect(r.err).toContain('new random passwords for: worker');
    const second = passwordsIn(secretOf(out));
    expect(second).toMatchObject(first);
    expect(second.NATS_PASSWORD_WORKER).toMatch(/^[A-Za-z][A-Za-z0-9]{31}$/);
    const name = /^ {2}name: (nats-credentials-[0-9a-f]{10})$/m.exec(secretOf(out))![1];
    for (const c of ['a', 'b']) {
      const refs = [...readFileSync(join(out, `clusters/${c}.yaml`), 'utf8').matchAll(/secretKeyRef:\n\s+name: (\S+)/g)].map((m) => m[1]);
      expect(new Set(refs)).toEqual(new Set([name]));
    }
  });

  it('rolls the pods when a password changes: a new Secret name in the pod template, and nothing else in the manifests', () => {
    const [one, two] = ['day2-roll-1', 'day2-roll-2'].map((d) => join(dir, d));
    expect(cli('render', noetl, '--out', one, '--passwords', writeTopology('pw1.yaml', 'sys: Sysadmin-password-1\nnoetl: Noetl-password-12\n')).code).toBe(0);
    expect(cli('render', noetl, '--out', two, '--passwords', writeTopology('pw2.yaml', 'sys: Sysadmin-password-1\nnoetl: Noetl-password-13\n')).code).toBe(0);
    const a = readFileSync(join(one, 'clusters/a.yaml'), 'utf8').split('\n');
    const b = readFileSync(join(two, 'clusters/a.yaml'), 'utf8').split('\n');
    const differing = a.filter((line, i) => line !== b[i]);
    expect(differing.length).toBeGreaterThan(0);
    for (const line of differing) expect(line).toMatch(/^\s+name: nats-credentials-[0-9a-f]{10}$/);
  });

  it.each([
    ['its secret.yaml', (out: string) => join(out, 'secret.yaml')],
    ['its zip', (out: string) => join(out, '..', 'day2-previous.zip')],
    ['a local secrets.env', (out: string) => join(out, 'local', 'secrets.env')],
  ])('reuses a previous bundle’s passwords from %s with --passwords', (_label, fileOf) => {
    const out = join(dir, `day2-prev-${_label.replace(/\W/g, '')}`);
    expect(cli('render', noetl, '--out', out, '--zip', join(out, '..', 'day2-previous.zip')).code).toBe(0);
    expect(cli('render', noetl, '--target', 'local', '--out', out).code).toBe(0);
    const previous = passwordsIn(secretOf(out));
    const fresh = join(dir, `day2-fresh-${_label.replace(/\W/g, '')}`);

    const r = cli('render', noetl, '--out', fresh, '--passwords', fileOf(out));

    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/used the passwords of 2 users from /);
    expect(passwordsIn(secretOf(fresh))).toEqual(previous);
  });

  it('renders the local target of a bundle folder with the bundle’s passwords', () => {
    const out = join(dir, 'day2-local');
    expect(cli('render', noetl, '--out', out).code).toBe(0);
    const r = cli('render', noetl, '--target', 'local', '--out', out);
    expect(r.code).toBe(0);
    const env = readFileSync(join(out, 'local/secrets.env'), 'utf8');
    for (const [key, pw] of Object.entries(passwordsIn(secretOf(out)))) expect(env).toContain(`export ${key}='${pw}'`);
  });

  it('refuses an unreadable Secret in the output instead of replacing it', () => {
    const out = join(dir, 'day2-bad');
    expect(cli('render', noetl, '--out', out).code).toBe(0);
    writeFileSync(join(out, 'secret.yaml'), 'kind: Secret\nstringData:\n  NATS_PASSWORD_NOETL: "1 # not a password"\n');
    const r = cli('render', noetl, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('the password of noetl must be');
    expect(r.err).toContain('it is already in the output');
  });
});
