import { describe, expect, it } from 'vitest';
import type { CoreData } from './core';
import type { ShareData } from './share';
import type { Stats, Timing } from './stats';
import { summarize } from './stats';
import { runBench } from './suites';
import type { ZipData } from './zip';

// The benchmark in quick mode, in process: it must run and give results of the right shape. Never a timed test:
// nothing here looks at how long anything took.

function expectStats(s: Stats, runs: number): void {
  expect(s.runs).toBe(runs);
  for (const v of [s.median, s.p95, s.min, s.max]) expect(Number.isFinite(v) && v >= 0).toBe(true);
  expect(s.min).toBeLessThanOrEqual(s.median);
  expect(s.median).toBeLessThanOrEqual(s.max);
}

function expectTiming(t: Timing, runs: number): void {
  expectStats(t.wall, runs);
  expectStats(t.cpu, runs);
}

// The node suites only: the browser suites need a build and Chromium, and run in CI through `npm run bench:quick`.
const results = await runBench({ quick: true, source: true, only: ['core', 'share', 'zip'] });

describe('the benchmark in quick mode', () => {
  it('runs every suite and lists every target', () => {
    expect(Object.keys(results.suites)).toEqual(['core', 'share', 'zip']);
    expect(results.mode).toBe('quick');
    expect(typeof results.environment.busy).toBe('boolean');
    expect(results.targets.map((t) => t.id)).toEqual(['core.full.50', 'core.full.200', 'share.noetl', 'share.20', 'share.20.mesh']);
    for (const t of results.targets) expect(['PASS', 'MISS', 'n/a']).toContain(t.verdict);
    // Quick mode measures no 50- or 200-cluster render, so those targets have no verdict.
    expect(results.targets.filter((t) => t.id.startsWith('core.')).map((t) => t.verdict)).toEqual(['n/a', 'n/a']);
  });

  it('measures full renders, their parts and an incremental edit', () => {
    const core = results.suites.core.data as CoreData;
    expect(core.fullRender.map((r) => r.clusters)).toEqual([2, 10]);
    for (const row of core.fullRender) {
      expect(row.links).toBe((row.clusters * (row.clusters - 1)) / 2);
      expect(row.files).toBe(2 * row.clusters + 6);
      expect(row.outputBytes).toBeGreaterThan(0);
      for (const t of [row.full, row.bundle, row.lint, row.budget]) expectTiming(t, 3);
    }
    const [inc] = core.incremental;
    expect(inc).toMatchObject({ clusters: 10, rendered: 1, reused: 9, matchesRenderBundle: true });
    for (const t of [inc.incremental, inc.renderer, inc.preview, inc.full]) expectTiming(t, 3);
  });

  it('measures share links that open again', () => {
    const share = results.suites.share.data as ShareData;
    expect(share.templates.map((r) => r.design)).toContain('noetl');
    expect(share.designs.map((r) => r.design)).toEqual(['ring-10', 'mesh-10', 'ring-20', 'mesh-20', 'ring-50', 'mesh-50']);
    for (const r of [...share.templates, ...share.designs]) {
      expect(r.chars).toBeGreaterThan(0);
      expect(r.roundTrip).toBe(true);
    }
  });

  it('zips a bundle', () => {
    const zip = results.suites.zip.data as ZipData;
    expect(zip.zipBytes).toBeGreaterThan(0);
    expect(zip.zipBytes).toBeLessThan(zip.inputBytes);
    expectTiming(zip.zip, 2);
  });

  it('writes JSON that reads back the same', () => {
    expect(JSON.parse(JSON.stringify(results))).toEqual(results);
  });
});

describe('summarize', () => {
  it('takes the median, the nearest-rank 95th percentile and the extremes', () => {
    expect(summarize([5, 1, 3, 2, 4])).toEqual({ runs: 5, median: 3, p95: 5, min: 1, max: 5 });
    expect(summarize([4, 1, 3, 2])).toEqual({ runs: 4, median: 2.5, p95: 4, min: 1, max: 4 });
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(summarize(hundred).p95).toBe(95);
  });
});
