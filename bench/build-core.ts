/**
 * The core as production ships it: built by Vite (minified, ES2022, its dependencies bundled in), written to
 * `.tmp/bench/` and imported from there. tsx's development transform runs the same code a little slower (it keeps
 * function names with wrappers), and the targets are for the production build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import type { Core } from './types';

const ROOT = resolve(import.meta.dirname, '..');

export async function loadProductionCore(): Promise<Core> {
  const result = await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: join(ROOT, 'src/core/index.ts'), formats: ['es'], fileName: 'core' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  const chunk = outputs.flatMap((o) => ('output' in o ? o.output : [])).find((c) => c.type === 'chunk' && c.isEntry);
  if (!chunk || chunk.type !== 'chunk') throw new Error('the Vite build of src/core gave no entry chunk');
  const dir = join(ROOT, '.tmp/bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'core.mjs');
  writeFileSync(file, chunk.code);
  return (await import(pathToFileURL(file).href)) as Core;
}
