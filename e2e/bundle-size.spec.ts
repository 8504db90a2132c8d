import { resolve } from 'node:path';
import { editorChunk, INITIAL_JS_GZIP_BUDGET, initialScripts } from '../bench/browser/assets';
import { expect, test } from './fixtures';

/**
 * The bundle-size budget of the issue, on the production build Playwright's web server has just made (dist/): the
 * JavaScript index.html loads before the canvas is interactive stays within 250 kB gzip (kB = 1000 bytes), and the
 * Monaco editor is a lazy chunk of its own that the browser asks for only once the canvas is interactive.
 */
const DIST = resolve(import.meta.dirname, '../dist');

test.describe('the bundle budget', () => {
  test('the JavaScript loaded before the canvas is interactive stays within 250 kB gzip', () => {
    const { scripts } = initialScripts(DIST);
    const gzip = scripts.reduce((sum, s) => sum + s.gzip, 0);
    console.log(
      `initial JS: ${scripts.map((s) => `${s.file} ${s.gzip} B`).join(', ')}: ${(gzip / 1000).toFixed(1)} kB gzip (budget ${INITIAL_JS_GZIP_BUDGET / 1000} kB)`,
    );
    expect(scripts.length).toBeGreaterThan(0);
    expect(gzip).toBeLessThanOrEqual(INITIAL_JS_GZIP_BUDGET);
  });

  test('the Monaco editor is a lazy chunk that index.html does not load', () => {
    const { html, scripts } = initialScripts(DIST);
    const editor = editorChunk(DIST);
    console.log(`lazy editor chunk ${editor.file}: ${(editor.gzip / 1000).toFixed(1)} kB gzip`);
    expect(scripts.map((s) => s.file)).not.toContain(editor.file);
    expect(html).not.toContain(editor.file.replace(/^assets\//, ''));
    // The editor is big by nature: were it ever small, this split would be checking nothing.
    expect(editor.gzip).toBeGreaterThan(INITIAL_JS_GZIP_BUDGET);
  });

  test('the browser asks for the editor chunk only after the canvas is interactive', async ({ page }) => {
    const editor = editorChunk(DIST).file;
    await page.goto('/');
    // Once the editor shows a file its chunk has loaded: compare when it was asked for with the app's mark.
    await expect.poll(() => page.evaluate(() => window.__designer?.previewText() ?? null)).not.toBeNull();
    const timing = await page.evaluate((file) => {
      const mark = performance.getEntriesByName('canvas-interactive')[0];
      const chunk = performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname === `/${file}`);
      return { interactive: mark?.startTime ?? null, requested: chunk.map((e) => e.startTime) };
    }, editor);
    expect(timing.interactive).not.toBeNull();
    expect(timing.requested).toHaveLength(1);
    expect(timing.requested[0]).toBeGreaterThanOrEqual(timing.interactive!);
  });
});
