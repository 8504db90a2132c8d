import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../problems';
import { RULES } from './registry';
import { PROBLEM_CODES, codeName } from '../check/codes';
import { topologyFrom } from './testing';
import { factsOf } from '../check/facts';

/** Broken topologies that, between them, trip every code in the table. */
const SCENARIOS = [
  topologyFrom({
    name: 'Bad_Name',
    namespace: 'bad.ns',
    image: 'nats:2.9.3',
    jetstream: { domain: 'a.b' },
    clusters: [
      { name: 'US' },
      { name: 'x'.repeat(48) },
      { name: 'a', region: 'bad region' },
      { name: 'a' },
      { name: 'b', replicas: 1, jetstream: { fileStore: '8Gi', memoryStore: '2Gi' } },
      { name: 'b-headless', replicas: 4, jetstream: { fileStore: '4800Mi', memoryStore: '1536Mi', storageClass: 'Bad_SC' } },
      { name: 'c', resources: { requests: { cpu: null }, limits: { cpu: null, memory: null } } },
      { name: 'd', resources: { limits: { cpu: '100m' } } },
    ],
    gateways: [
      ['a', 'missing'],
      ['b', 'b'],
      ['a', 'b'],
      ['b', 'a'],
      ['b', 'b-headless'],
    ],
    accounts: [
      { name: 'sys', users: ['x1'] },
      { name: '1bad', users: ['sys', 'bad user'] },
      { name: 'A', users: ['u', 'a-b'] },
      { name: 'A', users: ['u', 'a_b'] },
      { name: 'EMPTY' },
    ],
  }),
  topologyFrom({ clusters: [], image: 'nats:latest', jetstream: { enabled: false, domain: 'hub' }, accounts: [{ name: 'APP', jetstream: true }] }),
  topologyFrom({ image: 'NATS' }),
  topologyFrom({ accounts: [{ name: 'APP', jetstream: true }] }),
  topologyFrom({ image: 'nats:2.14.2-nanoserver-ltsc2022' }),
  topologyFrom({ image: 'example.com/custom:1.0.0' }),
  topologyFrom({ clusterDomain: 'Not A Domain' }),
  topologyFrom({
    jetstream: { domain: 'hub' },
    clusters: [{ name: 'hub' }, { name: 'edge' }, { name: 'e2', domain: 'x' }, { name: 'e3', domain: 'y' }, { name: 'e4', domain: 'z' }],
    gateways: [['e3', 'e4']],
    leafnodes: [
      ['edge', 'hub'],
      ['edge', 'e2'],
      ['e2', 'nope'],
      ['e3', 'e4'],
      ['e2', 'e3'],
      ['e3', 'e2'],
    ],
  }),
  topologyFrom({ clusters: [{ name: 'a', tls: { gateways: true } }, { name: 'b' }], gateways: [['a', 'b']] }),
  topologyFrom({
    jetstream: { domain: 'hub' },
    clusters: [
      { name: 'hub', kubeContext: 'east' },
      { name: 'edge', domain: 'edge', kubeContext: 'far' },
    ],
    leafnodes: [['edge', 'hub']],
  }),
  topologyFrom({
    jetstream: { domain: 'hub' },
    clusters: [
      { name: 'hub', tls: { leafnodes: true } },
      { name: 'edge', domain: 'edge' },
    ],
    leafnodes: [['edge', 'hub']],
  }),
  topologyFrom({ accounts: [{ name: 'NATS_PASSWORD_X', users: ['x'] }] }),
  topologyFrom({ name: 'con', clusters: [{ name: 'x' }, { name: 'X' }] }),
  topologyFrom({
    clusters: [
      { name: 'east', kubeContext: 'Prod', gateway: { address: 'nats://x' } },
      { name: 'west', kubeContext: 'default', gateway: { service: 'NodePort' } },
      { name: 'here' },
    ],
    gateways: [['east', 'west']],
  }),
  topologyFrom({
    accounts: [{ name: 'A', users: Array.from({ length: 1000 }, (_, i) => `u${i}`) }],
    clusters: Array.from({ length: 300 }, (_, i) => ({ name: `c${i}` })),
  }),
];

function run(): { rule: string; problem: Problem }[] {
  return SCENARIOS.flatMap((t) => RULES.flatMap((rule) => rule.check(factsOf(t)).map((problem) => ({ rule: rule.id, problem }))));
}

describe('rule registry', () => {
  it('has one rule per file in rules/, each with a unique id and a description', () => {
    // given
    const files = readdirSync(new URL('./rules', import.meta.url))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.replace(/\.ts$/, ''));
    // when
    const ids = RULES.map((r) => r.id);
    // then
    expect([...ids].sort()).toEqual(files.sort());
    expect(RULES.every((r) => r.description.length > 0)).toBe(true);
  });

  it('emits only codes from the table, with the severity and rule the table gives', () => {
    // given / when
    const mismatches = run().filter(({ rule, problem }) => {
      const info = (PROBLEM_CODES as Record<string, { severity: string; rule: string } | undefined>)[problem.code];
      return !info || info.severity !== problem.severity || info.rule !== rule;
    });
    // then
    expect(mismatches).toEqual([]);
  });

  it('has no code in the table that no rule emits', () => {
    // given / when
    const emitted = new Set<string>(run().map(({ problem }) => problem.code));
    // then
    const lintCodes = Object.entries(PROBLEM_CODES)
      .filter(([, info]) => info.source === 'lint')
      .map(([code]) => code);
    expect(lintCodes.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('uses UPPER_SNAKE codes and fills every message and fix', () => {
    // given / when
    const problems = run().map(({ problem }) => problem);
    // then
    const lintCodes = Object.entries(PROBLEM_CODES)
      .filter(([, info]) => info.source !== 'budget')
      .map(([code]) => code);
    expect(lintCodes.every((c) => /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(c))).toBe(true);
    expect(problems.filter((p) => !p.message || !p.fix || /undefined|null|NaN|\[object/.test(p.message + p.fix))).toEqual([]);
  });
});

describe('the code registry', () => {
  it('gives every code, budget codes too, a readable name, a help text and the id of a rule check runs', async () => {
    const { ALL_RULES } = await import('../check/check');
    const ids = new Set([...ALL_RULES.map((r) => r.id), 'changes']);
    for (const [code, info] of Object.entries(PROBLEM_CODES) as [keyof typeof PROBLEM_CODES, (typeof PROBLEM_CODES)[keyof typeof PROBLEM_CODES]][]) {
      expect(codeName(code), code).toMatch(/^[A-Z][^_]* [^_]+$/);
      expect(info.help.length, code).toBeGreaterThan(10);
      expect(ids.has(info.rule), `${code}: ${info.rule}`).toBe(true);
    }
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
  });
});
