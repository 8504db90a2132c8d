import { mkdirSync } from 'node:fs';
import { clusterNode, expect, openDesigner, test } from './fixtures';

const DIR = 'test-results/screenshots';

test('screenshots of the designer in light and dark themes', async ({ page }, testInfo) => {
  mkdirSync(DIR, { recursive: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await openDesigner(page);
  await page.screenshot({ path: `${DIR}/empty-light.png` });

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /3-region/ }).click();
  await clusterNode(page, 'us-east').click();
  await page.getByLabel('Replicas', { exact: true }).fill('4');
  await expect(page.locator('.code .view-lines')).toContainText('gateway');
  await page.locator('.notice__close').click();
  // Let the changed-line highlight fade so the shot shows the steady state.
  await page.waitForTimeout(1800);

  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await page.screenshot({ path: `${DIR}/designer-light.png` });
  await testInfo.attach('designer-light', { body: light, contentType: 'image/png' });

  // The theme follows the system by default
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  const dark = await page.screenshot({ path: `${DIR}/designer-dark.png` });
  await testInfo.attach('designer-dark', { body: dark, contentType: 'image/png' });
});
