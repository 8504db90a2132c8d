import { parseTopology } from '../src/core';
import { placeStacked } from '../src/ui/edits/layout';
import { AUTOSAVE_KEY, serializeDesign } from '../src/ui/store/autosave';
import { test, expect, openDesigner, loadTemplate } from './fixtures';

/**
 * Screenshots for a human review, not assertions: `REVIEW=1 npx playwright test e2e/review.spec.ts` saves them under
 * test-results/review/ at 1440×900 and 1280×720 (`npm run review`). Skipped otherwise.
 */
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

test.skip(!process.env.REVIEW, 'screenshots for review: set REVIEW=1');

for (const size of SIZES) {
  test(`review at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const shot = (name: string) => page.screenshot({ path: `test-results/review/${size.width}x${size.height}-${name}.png` });
    await openDesigner(page);
    await shot('1-first-open');
    await loadTemplate(page, /NoETL/);
    await page.waitForTimeout(600);
    await shot('2-template');
    await loadTemplate(page, /Light 2/);
    await page.waitForTimeout(600);
    await shot('3-light-template');
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.waitForTimeout(600);
    await page.getByRole('region', { name: 'Budget' }).screenshot({ path: `test-results/review/${size.width}x${size.height}-4-budget-warnings.png` });
    await shot('4-budget-page');
    const maximize = page.getByRole('button', { name: 'Maximize preview' });
    if (await maximize.count()) {
      await maximize.click();
      await expect(page.locator('.code .monaco-editor').first()).toBeVisible();
      await page.waitForTimeout(400);
      await shot('5-maximized-preview');
    }
  });
}

/** A 30-cluster full mesh imported without positions, as the canvas fits it, then with one cluster selected. */
const NAMES = Array.from({ length: 30 }, (_, i) => `c${i + 1}`);
const MESH = NAMES.flatMap((a, i) => NAMES.slice(i + 1).map((b) => [a, b]));

for (const size of SIZES) {
  test(`review a 30-cluster full mesh at ${size.width}x${size.height}`, async ({ page }) => {
    await page.setViewportSize(size);
    const parsed = parseTopology({ version: 1, name: 'big', clusters: NAMES.map((name) => ({ name })), gateways: MESH });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const saved = serializeDesign(placeStacked(parsed.topology), [], []);
    await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [AUTOSAVE_KEY, saved] as const);
    await openDesigner(page);
    await expect(page.locator('.react-flow__node')).toHaveCount(30);
    await page.waitForTimeout(3000);
    await page.screenshot({ path: `test-results/review/${size.width}x${size.height}-6-mesh-30-fit.png` });
    await page.getByRole('button', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: `test-results/review/${size.width}x${size.height}-6b-mesh-30-refit.png` });
    await page.locator('.react-flow__node', { hasText: 'c7' }).first().click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `test-results/review/${size.width}x${size.height}-7-mesh-30-selected.png` });
  });
}
