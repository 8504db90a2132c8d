/**
 * The production build's JavaScript, read from dist/: what index.html loads before anything is clicked, and the
 * lazily loaded editor chunk. Shared by the cold-load benchmark and the bundle-size budget that runs in `npm test`
 * (e2e/bundle-size.spec.ts, on the build Playwright's web server makes).
 */

/** The budget for the JavaScript before the canvas is interactive: 250 kB gzipped (kB = 1000 bytes, as Vite counts). */
export const INITIAL_JS_GZIP_BUDGET = 250_000;
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip as a server would send it (level 9, like Vite's own size report). */
export function gzipBytes(data: Buffer | string): number {
  return gzipSync(data, { level: 9 }).length;
}

export interface AssetSize {
  /** Path under dist/, e.g. `assets/index-abc.js`. */
  file: string;
  raw: number;
  gzip: number;
}

export function assetSize(dist: string, file: string): AssetSize {
  const data = readFileSync(join(dist, file));
  return { file, raw: data.length, gzip: gzipBytes(data) };
}

/** The Monaco chunk (named so by vite.config.ts). */
export function editorChunk(dist: string): AssetSize {
  const file = readdirSync(join(dist, 'assets')).find((f) => /^monaco-.*\.js$/.test(f));
  if (!file) throw new Error('no assets/monaco-*.js in the build: the editor is not on a chunk of its own');
  return assetSize(dist, `assets/${file}`);
}

/**
 * Every script index.html loads (its module entries and modulepreloads) and, transitively, what those import
 * statically: the JavaScript a first visit downloads before anything is clicked. Dynamic `import()`s are left
 * out: those are the lazy chunks.
 */
export function initialScripts(dist: string): { html: string; scripts: AssetSize[] } {
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`no ${indexFile}: build first (npm run build)`);
  const html = readFileSync(indexFile, 'utf8');
  const entries = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports of a minified chunk, at a statement's start: `import{a as b}from"./x.js"` and `import"./x.js"`;
    // never `import("./x.js")`, which is what makes a chunk lazy.
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1]));
    }
  }
  return { html, scripts: [...seen].map((f) => assetSize(dist, f)) };
}
