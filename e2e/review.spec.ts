import { test, expect, openDesigner, loadTemplate } from './fixtures';

/**
 * Screenshots for a human review, not assertions: `REVIEW=1 npx playwright test e2e/review.spec.ts` saves them under
 * test-results/review/ at 1440×900 and 1280×720. Skipped otherwise.
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
