#!/usr/bin/env node
// `npm test`: everything CI runs, in order, stopping at the first failing step: type checks (the app, and the
// core alone with no DOM or Node types), lint (ESLint, with the React hooks rules and the import boundaries), the
// formatter check (Prettier), unit and integration tests (vitest, with the real nats-server, and the node benchmarks
// in quick mode), the browser tests (Playwright with Debian's Chromium against the production
// build, the bundle-size budget among them), then the browser benchmarks in quick mode: a handful of runs that
// prove they still work (about 20 s); their times are never checked.
// It ends with one line "tests: N passed, N failed" summing vitest and Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const reports = '.tmp/reports';
mkdirSync(reports, { recursive: true });

const steps = [
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['typecheck core', 'npx', ['tsc', '-p', 'src/core/tsconfig.json', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['format', 'npx', ['prettier', '--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs,cjs,css,html}']],
  ['unit and integration tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`]],
  ['browser tests', 'npx', ['playwright', 'test']],
  ['browser benchmarks, quick mode', 'npm', ['run', '--silent', 'bench:quick']],
];

let passed = 0;
let failed = 0;
let status = 0;
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    status = r.status ?? 1;
    break;
  }
}

const vitest = readJson(`${reports}/vitest.json`);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += vitest.numFailedTests ?? 0;
}
const pw = readJson(`${reports}/playwright.json`);
let flaky = 0;
if (pw?.stats) {
  // A flaky test failed once and passed on its retry: it counts as passed, and is named below.
  flaky = pw.stats.flaky ?? 0;
  passed += (pw.stats.expected ?? 0) + flaky;
  failed += pw.stats.unexpected ?? 0;
}
if (flaky > 0) console.log(`\n${flaky} browser test(s) passed only on retry (flaky); see the list above.`);
console.log(`\ntests: ${passed} passed, ${failed} failed`);
process.exit(status || (failed > 0 ? 1 : 0));

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}
