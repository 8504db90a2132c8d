/**
 * A cold load: a share link to a 10-cluster ring opened in a fresh browser context (no HTTP cache, no autosave),
 * timed until the canvas is interactive (the app's `canvas-interactive` mark: every node measured and painted,
 * handlers attached). Also the JavaScript requested before that point, gzipped here from dist/ since
 * `vite preview` sends it uncompressed, the lazy editor chunk, and how soon a first click on a node shows it selected.
 */
import type { Request } from '@playwright/test';
import { encodeShareFragment } from '../../src/core';
import { bytes, ms, spread, table } from '../report';
import { summarize, type Stats } from '../stats';
import { ringTopology } from '../topologies';
import { target, type Suite } from '../types';
import { assetSize, editorChunk, INITIAL_JS_GZIP_BUDGET, initialScripts, type AssetSize } from './assets';
import { DIST, openDesigner, withSession } from './session';

export interface LoadRun {
  /** ms from navigation start to `canvas-interactive`. */
  interactive: number;
  /** JavaScript files requested before `canvas-interactive`, as sent (uncompressed) and gzipped. */
  scripts: AssetSize[];
  /** Bytes on the wire for those scripts (Resource Timing `transferSize`). */
  transferred: number;
  /** ms from a click on a node, right after the mark, to the paint that shows it selected. */
  firstClick: number;
  /** The editor chunk was requested before the canvas was interactive. */
  editorBeforeInteractive: boolean;
}

export interface LoadData {
  design: string;
  runs: LoadRun[];
  interactive: Stats;
  firstClick: Stats;
  /** Gzipped JavaScript before interactive (the first run's files; every run asks for the same). */
  jsGzip: number;
  jsRaw: number;
  /** What index.html loads statically, read from dist/ (the CI check's number). */
  initialGzip: number;
  editor: AssetSize;
}

export const loadSuite: Suite<LoadData> = {
  id: 'load',
  title: 'Browser: cold load (production build, Chromium)',
  async run(_core, options) {
    const design = ringTopology(10);
    const path = `/#${encodeShareFragment(design)}`;
    const runs = options.quick ? 1 : 7;
    const results: LoadRun[] = [];
    await withSession(async (session) => {
      for (let i = 0; i < runs; i++) {
        const bp = await session.open();
        const { page } = bp;
        const requested: Request[] = [];
        page.on('request', (r) => requested.push(r));
        const interactive = await openDesigner(page, path);
        // A click on a node as soon as the canvas says it is ready: is it?
        const node = page.locator('.react-flow__node').first();
        const box = (await node.boundingBox())!;
        await page.evaluate(() => {
          const el = document.querySelector('.react-flow__node')!;
          const w = window as unknown as { __click?: Promise<number> };
          w.__click = new Promise((done) => {
            let down = 0;
            addEventListener('pointerdown', (e) => (down = e.timeStamp), { capture: true, once: true });
            const mo = new MutationObserver(() => {
              if (!down || !el.classList.contains('selected')) return;
              mo.disconnect();
              requestAnimationFrame(() => {
                const ch = new MessageChannel();
                ch.port1.onmessage = () => done(performance.now() - down);
                ch.port2.postMessage(null);
              });
            });
            mo.observe(el, { attributes: true, attributeFilter: ['class'] });
          });
        });
        await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        const firstClick = await page.evaluate(() => (window as unknown as { __click: Promise<number> }).__click);

        // Whatever was requested before the mark has started by now; let it (and the editor chunk) finish.
        await page.waitForLoadState('networkidle');
        const { origin: timeOrigin, entries } = await page.evaluate(() => ({
          origin: performance.timeOrigin,
          entries: performance
            .getEntriesByType('resource')
            .map((e) => ({ name: e.name, startTime: e.startTime, transferSize: (e as PerformanceResourceTiming).transferSize })),
        }));
        // When each script was asked for: Resource Timing's clock (the mark's), else (a worker's script) Playwright's.
        const js = new Map<string, number>();
        for (const r of requested) {
          if (!isScript(r.url(), session.origin)) continue;
          const entry = entries.find((e) => e.name === r.url());
          const started = entry ? entry.startTime : r.timing().startTime - timeOrigin;
          if (started < interactive) js.set(r.url(), entry?.transferSize ?? 0);
        }
        const scripts = [...js.keys()].map((url) => assetSize(DIST, new URL(url).pathname.slice(1)));
        results.push({
          interactive,
          scripts,
          transferred: [...js.values()].reduce((a, b) => a + b, 0),
          firstClick,
          editorBeforeInteractive: scripts.some((s) => /\/monaco-/.test(s.file)),
        });
        await bp.done();
      }
    });
    const first = results[0];
    const jsGzip = first.scripts.reduce((a, s) => a + s.gzip, 0);
    const jsRaw = first.scripts.reduce((a, s) => a + s.raw, 0);
    const initial = initialScripts(DIST).scripts;
    const initialGzip = initial.reduce((a, s) => a + s.gzip, 0);
    const editor = editorChunk(DIST);
    const interactive = summarize(results.map((r) => r.interactive));
    const firstClick = summarize(results.map((r) => r.firstClick));
    return {
      data: { design: 'ring-10', runs: results, interactive, firstClick, jsGzip, jsRaw, initialGzip, editor },
      targets: [
        target({
          id: 'load.interactive',
          label: 'Cold load to interactive canvas (median)',
          limit: 1500,
          unit: 'ms',
          actual: options.quick ? null : interactive.median,
          note: `share link to a 10-cluster ring, fresh context, ${runs} load${runs === 1 ? '' : 's'}`,
        }),
        target({
          id: 'load.js',
          label: 'JavaScript before the canvas is interactive (gzip)',
          limit: INITIAL_JS_GZIP_BUDGET / 1000,
          unit: 'kB',
          actual: round1(jsGzip / 1000),
          note: `${first.scripts.length} files, ${bytes(jsRaw)} uncompressed; editor chunk ${first.editorBeforeInteractive ? 'INCLUDED' : 'not loaded yet'}`,
        }),
      ],
      report: [
        `A share link to a 10-cluster ring opened in a fresh context, ${runs} times; ms as median / p95 / min.`,
        ...table(
          ['to interactive canvas', 'first click to selected paint', 'JS before interactive (gzip)', 'raw', 'on the wire', 'editor chunk (raw / gzip)'],
          [[spread(interactive), spread(firstClick), bytes(jsGzip), bytes(jsRaw), bytes(first.transferred), `${bytes(editor.raw)} / ${bytes(editor.gzip)}`]],
        ),
        '',
        ...table(
          ['JS before interactive', 'raw', 'gzip'],
          first.scripts.map((s) => [s.file, bytes(s.raw), bytes(s.gzip)]),
        ),
        `index.html loads ${initial.length} script(s) statically, ${bytes(initialGzip)} gzip; the editor chunk (${editor.file}) is ${first.editorBeforeInteractive ? 'REQUESTED before' : 'requested only after'} the canvas is interactive.`,
        `Each run: ${results.map((r) => ms(r.interactive)).join(', ')} ms.`,
      ],
    };
  },
};

function isScript(url: string, origin: string): boolean {
  return url.startsWith(origin) && /\.js(\?|$)/.test(new URL(url).pathname + new URL(url).search);
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
