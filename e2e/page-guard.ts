import type { Page } from '@playwright/test';

/** What a page did that a test or a benchmark must fail on. */
export interface PageGuard {
  /** Requests to anything but 127.0.0.1 (data: and blob: URLs are local). Monaco must never reach for a CDN. */
  outside: string[];
  /** Uncaught page errors. */
  errors: string[];
}

/** Starts recording what `page` asks for outside 127.0.0.1 and the errors it throws. Used by the e2e fixtures and the browser benchmarks. */
export function guardPage(page: Page): PageGuard {
  const guard: PageGuard = { outside: [], errors: [] };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') guard.outside.push(r.url());
  });
  page.on('pageerror', (e) => guard.errors.push(e.message));
  return guard;
}
