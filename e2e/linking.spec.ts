import type { Page } from '@playwright/test';
import { clusterNode, expect, openDesigner, test } from './fixtures';

/** Making gateway links the ways people try. */

const gatewaysOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology.gateways);

async function twoClusters(page: Page): Promise<void> {
  await openDesigner(page);
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await expect(clusterNode(page, 'c2')).toBeVisible();
}

test.describe('linking clusters', () => {
  test('"Link to…" links on Enter or a pick, never while arrowing through the options', async ({ page }) => {
    await openDesigner(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add cluster' }).click();
    await clusterNode(page, 'c1').click();
    const select = page.getByLabel('Link to another cluster');

    // Arrowing through every option, and back, links nothing
    await select.focus();
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'ArrowDown']) await page.keyboard.press(key);
    expect(await gatewaysOf(page)).toEqual([]);
    await expect(select).toHaveValue('c3');

    // Enter links the one chosen, once
    await page.keyboard.press('Enter');
    expect(await gatewaysOf(page)).toEqual([['c1', 'c3']]);
    await expect(select).toHaveValue('');
    await expect(select).toBeFocused();

    // The Link button links the one chosen with the keyboard
    await page.keyboard.press('ArrowDown');
    expect(await gatewaysOf(page)).toEqual([['c1', 'c3']]);
    await page.getByRole('button', { name: 'Link', exact: true }).click();
    expect(await gatewaysOf(page)).toEqual([
      ['c1', 'c3'],
      ['c1', 'c2'],
    ]);
    await expect(select).toHaveCount(0);
  });

  test('a pick from the "Link to…" list links at once', async ({ page }) => {
    await twoClusters(page);
    await clusterNode(page, 'c1').click();
    // selectOption is a pick from the open list: no key moved through the options
    await page.getByLabel('Link to another cluster').selectOption('c2');
    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
  });
});
