import type { Page } from '@playwright/test';
import { bodyOf, clusterNode, dragLink, expect, openDesigner, test } from './fixtures';

/** Making gateway links the ways people try: dropping on a cluster, on blank canvas, and the "Link to…" select. */

const gatewaysOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology.gateways);
const steps = (page: Page) => page.evaluate(() => window.__designer!.state().past.length);
const notice = (page: Page) => page.getByRole('status');
const card = (page: Page, name: string) => clusterNode(page, name).locator('.cluster-node');

async function twoClusters(page: Page): Promise<void> {
  await openDesigner(page);
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await expect(clusterNode(page, 'c2')).toBeVisible();
}

test.describe('linking clusters', () => {
  test('a link dropped anywhere on a cluster links it, and the cluster shows it is the target while hovered', async ({ page }) => {
    await twoClusters(page);
    const before = await steps(page);

    await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
      await expect(card(page, 'c2')).toHaveClass(/is-drop-target/);
      await expect(card(page, 'c1')).not.toHaveClass(/is-drop-/);
    });

    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
    await expect(page.locator('.gateway-link')).toHaveCount(1);
    await expect(card(page, 'c2')).not.toHaveClass(/is-drop-/);
    expect(await steps(page)).toBe(before + 1);
  });

  test('a link dropped on blank canvas makes a new cluster there, linked, as one undo step', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const before = await steps(page);
    const c1 = (await clusterNode(page, 'c1').boundingBox())!;
    // Below and to the left: blank canvas (the minimap sits at the bottom right)
    const drop = { x: c1.x - 160, y: c1.y + c1.height + 110 };

    await dragLink(page, 'c1', drop);

    await expect(clusterNode(page, 'c2')).toBeVisible();
    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
    await expect(page.locator('.gateway-link')).toHaveCount(1);
    // Where it was dropped (the grid snaps it by at most half a cell), and selected for editing
    const c2 = await bodyOf(page, 'c2');
    expect(Math.abs(c2.x - drop.x)).toBeLessThan(20);
    expect(Math.abs(c2.y - drop.y)).toBeLessThan(20);
    await expect(page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true })).toHaveValue('c2');
    expect(await steps(page)).toBe(before + 1);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(clusterNode(page, 'c2')).toHaveCount(0);
    expect(await gatewaysOf(page)).toEqual([]);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
  });

  test('a refused link says why: already linked, either way, or a cluster to itself', async ({ page }) => {
    await twoClusters(page);
    await dragLink(page, 'c1', await bodyOf(page, 'c2'));
    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
    const before = await steps(page);

    // Again onto its body: the target shows the refusal while hovered, and the drop explains it
    await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
      await expect(card(page, 'c2')).toHaveClass(/is-drop-refused/);
      await expect(card(page, 'c2')).toContainText('Already linked');
    });
    await expect(notice(page)).toContainText('c1 and c2 are already linked.');

    // The other way round, onto a handle (React Flow's own target)
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await clusterNode(page, 'c1').hover();
    const handle = (await clusterNode(page, 'c1').locator('.react-flow__handle-right').boundingBox())!;
    await dragLink(page, 'c2', { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, undefined, 'left');
    await expect(notice(page)).toContainText('c2 and c1 are already linked.');

    // Onto the cluster it started from
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await dragLink(page, 'c1', await bodyOf(page, 'c1'));
    await expect(notice(page)).toContainText('A cluster cannot have a gateway to itself.');

    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
    expect(await steps(page)).toBe(before);
  });

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
