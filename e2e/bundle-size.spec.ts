import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// The bundle-size budget (issue 6): the JavaScript index.html loads before the canvas is interactive stays within
// 250 KB gzip, and the Monaco editor stays in its own lazy chunk. Playwright's web server has just built dist/.
const BUDGET_GZIP_BYTES = 250 * 1024;
const dist = 'dist';

/** Every script index.html loads up front, and every module they import statically, transitively. */
function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only (`import ... from "./x.js"`, `import "./x.js"`); dynamic import() is lazy by design.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) queue.push(`assets/${m[1]}`);
  }
  return [...seen];
}

test('the JavaScript loaded before the canvas is interactive stays within 250 KB gzip', () => {
  const files = initialScripts();
  const gzip = files.reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  console.log(`initial JS: ${files.join(', ')}: ${(gzip / 1024).toFixed(1)} KB gzip (budget ${BUDGET_GZIP_BYTES / 1024} KB)`);
  expect(files.length).toBeGreaterThan(0);
  expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

test('the Monaco editor is a lazy chunk that index.html does not load', () => {
  const monaco = readdirSync(join(dist, 'assets')).filter((f) => /^monaco-.*\.js$/.test(f));
  expect(monaco).toHaveLength(1);
  expect(initialScripts()).not.toContain(`assets/${monaco[0]}`);
  const gzip = gzipSync(readFileSync(join(dist, 'assets', monaco[0])), { level: 9 }).length;
  console.log(`lazy editor chunk ${monaco[0]}: ${(gzip / 1024).toFixed(1)} KB gzip`);
});
