/** What every benchmark suite shares: the core it measures, the run options, and targets with a verdict. */
import type * as CoreModule from '../src/core';

/** The renderer core's public surface: the source through tsx, or the production build of it. */
export type Core = typeof CoreModule;

export interface BenchOptions {
  /** Few runs and small sizes: checks that the benchmark works (CI), measures nothing worth reading. */
  quick: boolean;
}

export type Verdict = 'PASS' | 'MISS' | 'n/a';

/** One target of the issue, with what was measured against it. */
export interface Target {
  id: string;
  /** What is measured, in words. */
  label: string;
  /** The most that passes. */
  limit: number;
  unit: 'ms' | 'chars' | 'kB';
  /** What was measured; null when this run did not measure it (quick mode). */
  actual: number | null;
  verdict: Verdict;
  /** Context a reader needs, e.g. which design a target applies to. */
  note?: string;
}

export function target(t: Omit<Target, 'verdict'>): Target {
  return { ...t, verdict: t.actual === null ? 'n/a' : t.actual <= t.limit ? 'PASS' : 'MISS' };
}

/**
 * One benchmark suite: `core`, `share` and `zip` today. The browser benchmarks (Playwright against the production
 * build: edit-to-preview, drag frame times, cold load, JS before the canvas is interactive, the lazy editor chunk)
 * join as one more entry of `SUITES` in `bench/suites.ts`, with their own targets; the report and results.json take any
 * suite's result as it is.
 */
export interface Suite<R = unknown> {
  id: string;
  title: string;
  run(core: Core, options: BenchOptions): Promise<SuiteResult<R>> | SuiteResult<R>;
}

export interface SuiteResult<R = unknown> {
  data: R;
  targets: Target[];
  /** Lines of the printed report: a table or two. */
  report: string[];
}
