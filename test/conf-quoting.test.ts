// nats.conf quoting, proved against the real lexer: every string either reads back unchanged, or is one the parser
// or the lint refuses (and then it still reads back as one harmless string of its own).
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confKey, confString, isConfKey } from '../src/core/quote/nats-conf';
import { parseTopology, renderNatsConf, type Topology } from '../src/core';
import { lint } from '../src/core/lint';
import { hasLoneSurrogate } from '../src/core/unicode';
import { hostileString } from './support/hostile';
import { RANDOM_PORTS, soloAddressing, startServer, type RunningServer } from './support/nats-process';
import { describeEachServer } from './support/tools';

const FIXED = [
  'plain',
  'a\\b',
  'a\\',
  '\\',
  '\\\\"',
  'x"y',
  "x'y",
  `both"and'`,
  'tab\there',
  'new\nline',
  'cr\rx',
  'nul\u0000x',
  'del\u007f',
  'bell\u0007',
  '\\x41',
  '\\u0041',
  '$NATS_PASSWORD_SYS',
  '${X}',
  '#not a comment',
  '// nor this',
  'a: b',
  'a = b',
  '{ }',
  '[ ]',
  'a, b',
  'a; b',
  'ünïcødé',
  '€',
  '日本語',
  '😀',
  '\u2028',
  '\u0085',
  '\ufeff',
  ' lead',
  'trail ',
  'APP" { users: [{user: evil, password: Evilpassword1}] }, X { #',
];
const GENERATED = fc.sample(hostileString, { numRuns: 400, seed: 20261201 });
/** Without lone surrogates: the parser refuses those (no file can carry them). */
const STRINGS = [...new Set([...FIXED, ...GENERATED])].filter((s) => !hasLoneSurrogate(s));
/** Account names the server reserves for itself; a list or map entry with one is refused for that reason alone. */
const RESERVED = new Set(['$SYS', '$G']);

describe('quoting for nats.conf', () => {
  it('refuses text with lone surrogates at the parser, so no name needs one', () => {
    const r = parseTopology({ version: 1, name: 'x', clusters: [{ name: 'a\ud800' }] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors[0].message).toMatch(/Unicode/);
    expect(confString('a\ud800b')).toBe('"a\ufffdb"');
  });

  it('writes keys no lexer escape can end early, and says which it cannot write as they are', () => {
    expect(confKey('APP')).toBe('"APP"');
    expect(confKey('a\\b')).toBe('"a\\b"');
    expect(confKey('x"y')).toBe(`'x"y'`);
    expect(isConfKey(`both"and'`)).toBe(false);
    expect(confKey(`both"and'`)).toMatch(/^"both_and_-[0-9a-f]{8}"$/);
  });

  it('has the lint refuse every account name it cannot write as it is', () => {
    const unwritable = STRINGS.filter((s) => !isConfKey(s));
    expect(unwritable.length).toBeGreaterThan(5);
    for (const name of unwritable) {
      const r = parseTopology({ version: 1, name: 'x', accounts: [{ name, users: ['u'] }], clusters: [{ name: 'a' }] });
      if (!r.ok) continue; // control characters: refused by the parser already
      expect(
        lint(r.topology).some((p) => p.code === 'ACCOUNT_NAME_INVALID'),
        name,
      ).toBe(true);
    }
  });
});

describeEachServer('nats.conf quoting read back by nats-server', (server) => {
  let running: RunningServer | null = null;
  afterAll(async () => running?.stop());

  /** Boots a conf of accounts and gives back the account names the server made, without its own. */
  async function accountsOf(accounts: string): Promise<string[]> {
    running = await startServer(server, `${RANDOM_PORTS}${accounts}\n`);
    const { accounts: names } = await running.monitor<{ accounts: string[] }>('/accountz');
    await running.stop();
    running = null;
    return names.filter((n) => n !== '$SYS' && n !== '$G').sort();
  }

  it(`reads every one of ${STRINGS.length} hostile strings back unchanged as a value`, async () => {
    const values = STRINGS.filter((s) => !RESERVED.has(s));
    const names = await accountsOf(`accounts: [\n${values.map((s) => `  ${confString(s)}`).join('\n')}\n]`);
    expect(names).toEqual([...values].sort());
  });

  it('reads every key back as one key: the string itself when the lint allows it, a harmless stand-in otherwise', async () => {
    const keys = STRINGS.filter((s) => !RESERVED.has(s));
    const names = await accountsOf(`accounts {\n${keys.map((s) => `  ${confKey(s)}: {}`).join('\n')}\n}`);
    expect(names).toHaveLength(keys.length);
    expect(names).toEqual(expect.arrayContaining(keys.filter(isConfKey)));
    const standIns = names.filter((n) => !keys.includes(n));
    // eslint-disable-next-line no-control-regex
    expect(standIns.every((n) => /-[0-9a-f]{8}$/.test(n) && !/["'\u0000-\u001f]/.test(n))).toBe(true);
  });

  it('lets nobody in through an account name that tries to add a user', async () => {
    const evil = 'APP" { users: [{user: evil, password: Evilpassword1}] }, X { #';
    const r = parseTopology({ version: 1, name: 'x', accounts: [{ name: evil, users: ['alice'] }], clusters: [{ name: 'a', replicas: 1 }] });
    if (!r.ok) throw new Error('does not parse');
    const t: Topology = r.topology;
    const conf = renderNatsConf(t, 'a', soloAddressing('one'));
    running = await startServer(server, conf, { NATS_PASSWORD_SYS: 'Syspassword123', NATS_PASSWORD_ALICE: 'Alicepassword1' });
    expect(await running.canLogIn('evil', 'Evilpassword1')).toBe(false);
    expect(await running.canLogIn('alice', 'Alicepassword1')).toBe(true);
    const { accounts } = await running.monitor<{ accounts: string[] }>('/accountz');
    expect(accounts.sort()).toEqual(['$G', 'SYS', evil].sort());
  });
});
