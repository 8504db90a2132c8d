/**
 * What the browser suites share: the production build (built once per run), `vite preview` serving it on
 * 127.0.0.1 (started and stopped here), Debian's Chromium through Playwright, and a page with the same guards as the
 * e2e tests (any request outside 127.0.0.1 or an uncaught page error fails the measurement) plus a few helpers
 * installed before the app's own scripts (`window.__bench`).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { join, resolve } from 'node:path';
import { guardPage } from '../../e2e/page-guard';
import type { Topology } from '../../src/core';
import { AUTOSAVE_KEY, serializeDesign } from '../../src/ui/store/autosave';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** The viewport of the e2e tests: a laptop screen. */
export const VIEWPORT = { width: 1440, height: 900 };

declare global {
  interface Window {
    /** Installed by the benchmark before the app loads (see `pageHelpers`). */
    __bench?: {
      /** performance.now() of the `canvas-interactive` mark, once it is set. */
      interactive(): Promise<number>;
      /** performance.now() of the first `preview-painted` mark after `after`. */
      previewPaintedAfter(after: number): Promise<number>;
      /** event.timeStamp of the last keydown anywhere in the page. */
      lastKey(): number;
      /** Starts recording the time between animation frames. */
      startFrames(): void;
      /** Stops recording; the frame-to-frame times in ms, and when each frame began. */
      stopFrames(): { deltas: number[]; starts: number[] };
    };
  }
}

/** Runs in the page before any of its scripts. Self-contained: Playwright sends its source. */
function pageHelpers(): void {
  const markAfter = (name: string, after: number) =>
    new Promise<number>((done, fail) => {
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.name === name && e.startTime > after) {
            observer.disconnect();
            clearTimeout(timer);
            done(e.startTime);
            return;
          }
        }
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        fail(new Error(`no "${name}" mark within 20 s`));
      }, 20_000);
      observer.observe({ type: 'mark', buffered: true });
    });
  let lastKey = 0;
  addEventListener('keydown', (e) => (lastKey = e.timeStamp), true);
  let recording: { deltas: number[]; starts: number[]; on: boolean } | null = null;
  window.__bench = {
    interactive: () => markAfter('canvas-interactive', -1),
    previewPaintedAfter: (after) => markAfter('preview-painted', after),
    lastKey: () => lastKey,
    startFrames() {
      const rec = { deltas: [] as number[], starts: [] as number[], on: true };
      recording = rec;
      let last = -1;
      const tick = (t: number) => {
        if (!rec.on) return;
        if (last >= 0) rec.deltas.push(t - last);
        rec.starts.push(t);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    stopFrames() {
      const rec = recording;
      if (!rec) return { deltas: [], starts: [] };
      rec.on = false;
      recording = null;
      return { deltas: rec.deltas, starts: rec.starts };
    },
  };
}

export interface BenchPage {
  page: Page;
  context: BrowserContext;
  /** Throws if the page asked for anything outside 127.0.0.1 or threw; closes the context either way. */
  done(): Promise<void>;
}

export interface BrowserSession {
  /** http://127.0.0.1:<port> */
  origin: string;
  browser: Browser;
  /** A fresh context (empty cache, empty storage) with the guards and helpers; `design` is put in the autosave. */
  open(options?: { design?: Topology }): Promise<BenchPage>;
  close(): Promise<void>;
}

let building: Promise<void> | null = null;

/** `vite build` of the designer into dist/, once per process: every suite measures the same build. */
export function buildOnce(): Promise<void> {
  building ??= (async () => {
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'warn' });
  })();
  return building;
}

export async function startSession(): Promise<BrowserSession> {
  await buildOnce();
  const { preview } = await import('vite');
  const server = await preview({ root: ROOT, logLevel: 'warn', preview: { host: '127.0.0.1', port: 4190, strictPort: false, open: false } });
  const local = server.resolvedUrls?.local[0];
  if (!local) {
    await server.close();
    throw new Error('vite preview is not listening');
  }
  const origin = new URL(local).origin;
  let browser: Browser;
  try {
    // Loaded here: the node-only suites (and the quick test of them) never load Playwright.
    const { chromium } = await import('@playwright/test');
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    origin,
    browser,
    async open({ design } = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, baseURL: origin });
      // tsx keeps function names by wrapping them in `__name(…)`, and Playwright sends functions as their source.
      await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
      await context.addInitScript(pageHelpers);
      if (design) {
        await context.addInitScript(([key, text]) => localStorage.setItem(key, text), [AUTOSAVE_KEY, serializeDesign(design, [], [])] as const);
      }
      const page = await context.newPage();
      const { outside, errors } = guardPage(page);
      return {
        page,
        context,
        async done() {
          await context.close();
          if (outside.length) throw new Error(`the page asked for something outside 127.0.0.1: ${outside.join(', ')}`);
          if (errors.length) throw new Error(`the page threw: ${errors.join('; ')}`);
        },
      };
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}

/** Runs `fn` with a session, always stopping the browser and the server afterwards. */
export async function withSession<T>(fn: (session: BrowserSession) => Promise<T>): Promise<T> {
  const session = await startSession();
  try {
    return await fn(session);
  } finally {
    await session.close();
  }
}

/** Opens the designer and waits until its canvas is interactive; returns the mark's time. */
export async function openDesigner(page: Page, path = '/'): Promise<number> {
  await page.goto(path, { waitUntil: 'commit' });
  return page.evaluate(() => window.__bench!.interactive());
}

/** Waits until the bundle preview's editor is mounted and shows `path`. */
export async function previewShows(page: Page, path: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction((p) => window.__designer?.previewPath() === p && window.__designer.previewText() !== null, path, { timeout, polling: 50 });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
