// Finding 7: a design with 100,000 users renders (the README pushed one line per user as arguments of one call, a
// RangeError past ~65,000), and the lint is linear in users (a duplicate search per user took 12 s for 100,000).
import { describe, expect, it } from 'vitest';
import { parseTopology, renderBundle, type Topology } from '../../src/core';
import { lint } from '../../src/core/lint';
import { renderBundleReadme } from '../../src/core/bundle/readme';
import { cpuMillis } from '../support/cpu-time';

function manyUsers(accounts: number, each: number): Topology {
  const r = parseTopology({
    version: 1,
    name: 'crowd',
    accounts: Array.from({ length: accounts }, (_, a) => ({ name: `A${a}`, users: Array.from({ length: each }, (_, u) => `u${u}-of-${a}`) })),
    clusters: [{ name: 'a' }],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors.slice(0, 3)));
  return r.topology;
}

describe('a design with 100,000 users', () => {
  const t = manyUsers(100, 1000);

  it('gets a README listing every user', () => {
    const readme = renderBundleReadme(t);
    expect(readme.split('\n').filter((l) => l.startsWith('| `u')).length).toBe(100_000);
  });

  it('is linted in linear time, and named too large to render', { timeout: 120_000 }, () => {
    const { result: problems, millis } = cpuMillis(() => lint(t));
    expect(millis).toBeLessThan(5_000);
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual(['OUTPUT_TOO_LARGE']);
  });

  it('renders at 60,000 users, under the output limit', { timeout: 30_000 }, () => {
    const files = renderBundle(manyUsers(60, 1000));
    expect(files.find((f) => f.path === 'secret.yaml')!.content.split('\n').length).toBeGreaterThan(60_000);
  });
});
