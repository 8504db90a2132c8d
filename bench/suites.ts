/** Every benchmark suite, and running them into one result. */
import { cpus, loadavg } from 'node:os';
import * as sourceCore from '../src/core';
import { dragSuite } from './browser/drag';
import { editSuite } from './browser/edit';
import { loadSuite } from './browser/load';
import { coreSuite } from './core';
import { shareSuite } from './share';
import type { BenchOptions, Core, Suite, Target } from './types';
import { zipSuite } from './zip';

/**
 * Node suites first (the core, share links, the zip), then the browser suites: the production build of the
 * designer served by `vite preview` and driven in Debian's Chromium (bench/browser/).
 */
export const SUITES: Suite[] = [coreSuite, shareSuite, zipSuite, loadSuite, editSuite, dragSuite];

/** The suites that need a build and a browser. */
export const BROWSER_SUITES = ['load', 'edit', 'drag'];

export interface RunOptions extends BenchOptions {
  /** Measure the TypeScript source through tsx instead of the production build. @default quick */
  source?: boolean;
  /** Suite ids to run. @default every suite */
  only?: string[];
}

export interface BenchResults {
  version: 1;
  date: string;
  mode: 'full' | 'quick';
  core: 'production build' | 'source';
  environment: {
    node: string;
    platform: string;
    cpu: string;
    cpus: number;
    /** 1, 5 and 15 minute load averages before and after: other work on the machine shows in the times. */
    loadAverage: { before: number[]; after: number[] };
    /**
     * The 1-minute load average was above the CPU count when the run started: other work shared the machine and
     * times are inflated; rerun when idle. (Not after: the browser suites load two cores by themselves.)
     */
    busy: boolean;
  };
  suites: Record<string, { title: string; data: unknown; report: string[] }>;
  targets: Target[];
}

export async function runBench(options: RunOptions): Promise<BenchResults> {
  const useSource = options.source ?? options.quick;
  // Vite loads only when it builds: quick runs (CI, the test) measure the source.
  const selected = SUITES.filter((s) => !options.only || options.only.includes(s.id));
  // The browser suites build the whole designer themselves; the core is built only for the node suites.
  const needsCore = selected.some((s) => !BROWSER_SUITES.includes(s.id));
  const core: Core = useSource || !needsCore ? sourceCore : await (await import('./build-core')).loadProductionCore();
  const before = loadavg();
  const suites: BenchResults['suites'] = {};
  const targets: Target[] = [];
  for (const suite of selected) {
    const result = await suite.run(core, options);
    suites[suite.id] = { title: suite.title, data: result.data, report: result.report };
    targets.push(...result.targets);
  }
  const after = loadavg();
  const load = before[0];
  const busy = load > cpus().length;
  // A busy machine inflates every time; say so beside each timed verdict rather than let it pass for a measurement.
  const busyNote = `machine busy (load ${load.toFixed(1)} on ${cpus().length} CPUs): rerun when idle`;
  return {
    version: 1,
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    core: useSource ? 'source' : 'production build',
    environment: {
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpu: cpus()[0]?.model ?? 'unknown',
      cpus: cpus().length,
      loadAverage: { before: before.map(round2), after: after.map(round2) },
      busy,
    },
    suites,
    targets: targets.map((t) => (busy && t.unit === 'ms' && t.actual !== null ? { ...t, note: [t.note, busyNote].filter(Boolean).join('; ') } : t)),
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
