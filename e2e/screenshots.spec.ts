import { mkdirSync } from 'node:fs';
import { bodyOf, clusterNode, dragLink, expect, openDesigner, test } from './fixtures';

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

test('screenshots of the download dialog, the share popover and the Topology tab, light and dark', async ({ page }) => {
  mkdirSync(DIR, { recursive: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await openDesigner(page);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: /NoETL/ }).click();
  await expect(clusterNode(page, 'a')).toBeVisible();
  await page.locator('.notice__close').click();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);

    // The download dialog with typed passwords, one of them refused
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download bundle' });
    await dialog.getByRole('radio', { name: /Use my own/ }).check();
    await dialog.getByLabel('Password for sys').fill('CorrectHorseBattery9');
    await dialog.getByLabel('Password for noetl').fill('9lives');
    await expect(dialog.getByRole('alert')).toBeVisible();
    await page.screenshot({ path: `${DIR}/download-${scheme}.png` });
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // The share popover
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.getByRole('dialog', { name: 'Share link' })).toContainText('characters');
    await page.waitForTimeout(200);
    await page.screenshot({ path: `${DIR}/share-${scheme}.png` });
    await page.keyboard.press('Escape');
  }

  // A design with errors: the dialog lists them
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByRole('button', { name: 'Download bundle' }).click();
  await expect(page.getByRole('button', { name: 'Download anyway' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/download-errors-light.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Undo' }).click();

  // The Topology tab with an error, and an import that failed
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: 'Topology' }).click();
  await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toContain('replicas: 3');
  await page.locator('.topology-editor .view-lines').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.type('x');
  await expect(page.locator('.topology-editor .squiggly-error').first()).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from('version: 1\nname: demo\nclusters:\n  - name: a\n    replicas: many\n') });
  await expect(page.getByRole('alert', { name: 'Import failed' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/topology-tab-dark.png` });
});

test('screenshots of a link dragged onto a cluster: the target, a refusal and its explanation, at two window sizes', async ({ page }) => {
  mkdirSync(DIR, { recursive: true });
  await page.emulateMedia({ colorScheme: 'light' });
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const card = clusterNode(page, 'c2').locator('.cluster-node');

    await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
      await expect(card).toHaveClass(/is-drop-target/);
      await page.screenshot({ path: `${DIR}/link-target-${width}.png` });
    });
    await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
      await expect(card).toHaveClass(/is-drop-refused/);
      await page.screenshot({ path: `${DIR}/link-refused-${width}.png` });
    });
    await expect(page.getByRole('status')).toContainText('already linked');
    await page.screenshot({ path: `${DIR}/link-refused-notice-${width}.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
      await expect(card).toHaveClass(/is-drop-refused/);
      await page.screenshot({ path: `${DIR}/link-refused-dark-${width}.png` });
    });
    // Undo the link (the view stays put, unlike adding a cluster, which may zoom out to show it)
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.gateway-link')).toHaveCount(0);
    await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
      await expect(card).toHaveClass(/is-drop-target/);
      await page.screenshot({ path: `${DIR}/link-target-dark-${width}.png` });
    });
    await page.emulateMedia({ colorScheme: 'light' });
    // Start the next size from an empty design
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(0);
  }
});
