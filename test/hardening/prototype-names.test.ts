// Finding 1: users named like Object.prototype members must get their own strong passwords everywhere a password is
// chosen or written (the CLI, the designer's download, the Secret, local/secrets.env).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  generatePasswords,
  parseTopology,
  passwordEnvVar,
  renderBundle,
  renderLocalTarget,
  SAFE_PASSWORD,
  serializeTopology,
  type Topology,
} from '../../src/core';
import { lint } from '../../src/core/lint';
import { bundlePasswords } from '../../src/ui/io/bundle';
import { run } from '../../src/cli/main';

/** Every name an object literal inherits, plus the one that sets its prototype. */
const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__proto__',
  '__defineGetter__',
  '__lookupSetter__',
];

function design(): Topology {
  const r = parseTopology({ version: 1, name: 'proto', accounts: [{ name: 'APP', users: [...PROTOTYPE_NAMES, 'alice'] }], clusters: [{ name: 'a' }] });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.topology;
}

const random = () => {
  let n = 1;
  return (k: number) => Uint8Array.from({ length: k }, () => (n = (n * 1103515245 + 12345) % 2 ** 31) >>> 16);
};

/** NATS_PASSWORD_X → value, from a rendered Secret or secrets.env. */
function secretValues(text: string): Map<string, string> {
  return new Map([...text.matchAll(/^\s*(?:export )?(NATS_PASSWORD_[A-Z0-9_]+)[:=] ?'?([^'\s]*)'?/gm)].map((m) => [m[1], m[2]]));
}

function expectStrongAndDistinct(values: Map<string, string>, t: Topology): void {
  const users = ['sys', ...t.accounts[0].users];
  for (const user of users) expect(values.get(passwordEnvVar(user)), user).toMatch(SAFE_PASSWORD);
  expect(new Set(users.map((u) => values.get(passwordEnvVar(u)))).size).toBe(users.length);
}

const dir = mkdtempSync(join(tmpdir(), 'proto-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('users named like Object.prototype members', () => {
  it('lint clean of user-name errors', () => {
    const t = design();
    expect(lint(t).filter((p) => p.severity === 'error' && !PROTOTYPE_NAMES.slice(7).some((n) => p.message.includes(n)))).toEqual([]);
  });

  it('each get a generated password of their own', () => {
    const t = design();
    const pw = generatePasswords(t, random());
    for (const user of ['sys', ...t.accounts[0].users]) expect(pw.get(user), user).toMatch(SAFE_PASSWORD);
  });

  it('get those passwords in the Secret and in local/secrets.env', () => {
    const t = design();
    const pw = generatePasswords(t, random());
    expectStrongAndDistinct(secretValues(renderBundle(t, { passwords: pw }).find((f) => f.path === 'secret.yaml')!.content), t);
    expectStrongAndDistinct(secretValues(renderLocalTarget(t, pw).find((f) => f.path === 'local/secrets.env')!.content), t);
  });

  it('get random passwords in the designer download when nothing was typed for them', () => {
    const t = design();
    const pw = bundlePasswords(t, new Map([['alice', 'Alicepassword1']]), random());
    expect(pw.get('alice')).toBe('Alicepassword1');
    for (const user of PROTOTYPE_NAMES) expect(pw.get(user), user).toMatch(SAFE_PASSWORD);
  });

  it('render with the CLI, both targets, with a strong password each', () => {
    const file = join(dir, 'proto.yaml');
    writeFileSync(file, serializeTopology(design()));
    const quiet = () => undefined;
    expect(run(['render', file, '--out', join(dir, 'k8s'), '--force'], quiet, quiet)).toBe(0);
    expectStrongAndDistinct(secretValues(readFileSync(join(dir, 'k8s', 'secret.yaml'), 'utf8')), design());
    expect(run(['render', file, '--target', 'local', '--out', join(dir, 'local'), '--force'], quiet, quiet)).toBe(0);
    expectStrongAndDistinct(secretValues(readFileSync(join(dir, 'local', 'local', 'secrets.env'), 'utf8')), design());
  });
});
