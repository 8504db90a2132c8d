import { clusterNode, expect, loadTemplate, openDesigner, test } from './fixtures';

/** What a new user meets first: the Get started card, the keyboard's way to the canvas, a smaller window. */

test.describe('first use', () => {
  test('the Get started card goes away with Escape or a click outside, and comes back', async ({ page }) => {
    await openDesigner(page);
    const card = page.getByRole('region', { name: 'Get started' });
    await expect(card).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(card).toHaveCount(0);
    await page.getByRole('button', { name: 'Start from a template', exact: true }).click();
    await expect(card).toBeVisible();

    // A click on the canvas outside the card
    const stage = (await page.locator('.stage').boundingBox())!;
    await page.mouse.click(stage.x + 20, stage.y + stage.height - 20);
    await expect(card).toHaveCount(0);
    await page.getByRole('button', { name: 'Start from a template', exact: true }).click();
    await card.getByRole('button', { name: /NoETL/ }).click();
    await expect(clusterNode(page, 'a')).toBeVisible();
  });

  test('the first Tab reaches a skip link that puts the keyboard on the first cluster', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    // Fresh from the page's start (the autosave brings the design back)
    await page.reload();
    await expect(clusterNode(page, 'a')).toBeVisible();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to the canvas' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(clusterNode(page, 'a')).toBeFocused();
  });

  test('at 1280×720 the title and the design name show whole, and the canvas keeps most of the window', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);

    await expect(page.locator('.toolbar__title')).toBeVisible();
    const doc = page.locator('.toolbar__doc');
    await expect(doc).toHaveText('noetl-supercluster');
    expect(await doc.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // Every toolbar button inside the window, none pushed out
    for (const button of await page.locator('.toolbar button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    // The buttons that show only their icons here keep their names
    await expect(page.getByRole('button', { name: 'Export topology' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Import' })).toBeVisible();

    const stage = (await page.locator('.stage').boundingBox())!;
    expect(stage.width).toBeGreaterThanOrEqual(760);
    expect(stage.height).toBeGreaterThanOrEqual(440);
    const minimap = (await page.getByRole('img', { name: 'Minimap' }).or(page.locator('.react-flow__minimap svg')).first().boundingBox())!;
    expect(minimap.width).toBeLessThan(140);
  });
});
