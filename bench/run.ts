/**
 * `npm run bench`: measures the core, share links and the bundle zip in Node, then the designer itself: its
 * production build served by `vite preview` on 127.0.0.1 and driven in Debian's Chromium (cold load and the
 * JavaScript before the canvas is interactive, edit to preview, dragging a node). Prints a table with every target
 * and its verdict, and writes bench/results.json.
 *
 *   --quick         few runs, small sizes: proves the benchmark works (CI: `npm run bench:quick`); its times mean nothing
 *   --source        measure the core's TypeScript source through tsx, not the production build
 *   --only a,b      run only these suites (core, share, zip, load, edit, drag)
 *   --out <file>    where the results go (default bench/results.json)
 *
 * CHROMIUM_PATH picks the browser (default /usr/bin/chromium).
 *
 * It never fails on a missed target: it reports. The machine is shared, so read medians, and the load average
 * printed with them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { targetTable } from './report';
import { runBench, type BenchResults } from './suites';

function print(results: BenchResults): void {
  const env = results.environment;
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  console.log(`NATS Topology Designer benchmarks: ${results.mode} mode, ${results.core} of the core, node ${env.node}, ${env.cpus} × ${env.cpu}`);
  console.log(
    `load average before ${load(env.loadAverage.before)}, after ${load(env.loadAverage.after)}${env.busy ? ': the machine was busy, times are inflated' : ''}`,
  );
  for (const suite of Object.values(results.suites)) {
    console.log(`\n## ${suite.title}\n`);
    for (const line of suite.report) console.log(line);
  }
  console.log('\n## Targets\n');
  for (const line of targetTable(results.targets)) console.log(line);
  if (results.mode === 'quick') console.log('\nQuick mode: a handful of runs at small sizes; these times are not measurements.');
}

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    source: { type: 'boolean' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const results = await runBench({ quick: values.quick, source: values.source, only: values.only?.split(',') });
print(results);
const out = resolve(values.out);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`\nresults: ${out}`);
