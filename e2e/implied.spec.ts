import type { Page } from '@playwright/test';
import { bodyOf, clusterNode, connect, dragLink, expect, openDesigner, test } from './fixtures';

/** The gateway connections NATS makes that nobody drew, shown faintly on the canvas. */

const gatewaysOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology.gateways);
const implied = (page: Page) => page.locator('.implied-link');
const legend = (page: Page) => page.getByLabel('Implied connections');

test.describe('implied gateway connections', () => {
  test('a chain a–b–c shows one implied a–c line, not selectable, and cutting b–c takes it away', async ({ page }) => {
    // Given c1 and c2 linked with the mouse, and c3 made by dragging a link from c2 onto blank canvas below it
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    await connect(page, 'c1', 'c2');
    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
    await expect(implied(page)).toHaveCount(0);
    await expect(legend(page)).toHaveCount(0);
    const c2 = await bodyOf(page, 'c2');
    await dragLink(page, 'c2', { x: c2.x - 200, y: c2.y + 170 }, undefined, 'bottom');
    await expect(clusterNode(page, 'c3')).toBeVisible();
    expect(await gatewaysOf(page)).toEqual([
      ['c1', 'c2'],
      ['c2', 'c3'],
    ]);

    // Then one faint line joins c1 and c3, saying why, under the two drawn links
    await expect(page.locator('.gateway-link')).toHaveCount(2);
    await expect(implied(page)).toHaveCount(1);
    await expect(page.getByRole('img', { name: 'Implied gateway c1 to c3: connected through c2; not drawn' })).toBeAttached();
    await expect(implied(page).locator('title')).toHaveText('Implied gateway c1 to c3: connected through c2; not drawn');
    await expect(legend(page)).toContainText('1 implied gateway connection');
    const order = await page.evaluate(() => [...document.querySelectorAll('.gateway-layer > g')].map((g) => g.getAttribute('class')));
    expect(order[0]).toBe('implied-link');
    const line = page.locator('.implied-link__line');
    await expect(line).toHaveCSS('stroke-dasharray', /\d/);
    // A click on blank canvas, left of c1: nothing selected
    const c1 = await bodyOf(page, 'c1');
    await page.mouse.click(c1.x - 250, c1.y);
    expect(await page.evaluate(() => window.__designer!.state().selection)).toEqual({ clusters: [], gateways: [] });
    await page.screenshot({ path: 'test-results/implied-chain.png' });

    // A click on the implied line selects nothing (there is no such link to select or delete)
    const box = (await implied(page).boundingBox())!;
    const hit = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x, y)?.closest('.implied-link, .gateway-link, .react-flow__node')?.getAttribute('class') ?? null,
      [box.x + box.width / 2, box.y + box.height / 2],
    );
    expect(String(hit)).toContain('implied-link');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await page.evaluate(() => window.__designer!.state().selection)).toEqual({ clusters: [], gateways: [] });
    expect(await gatewaysOf(page)).toEqual([
      ['c1', 'c2'],
      ['c2', 'c3'],
    ]);

    // The legend's switch hides and shows them
    await legend(page).getByRole('checkbox').click();
    await expect(implied(page)).toHaveCount(0);
    await legend(page).getByRole('checkbox').click();
    await expect(implied(page)).toHaveCount(1);

    // When b–c is selected with the mouse and deleted, c3 is a separate system: no implied line
    await page.getByRole('button', { name: 'Gateway c2 to c3' }).click();
    await page.keyboard.press('Delete');
    expect(await gatewaysOf(page)).toEqual([['c1', 'c2']]);
    await expect(implied(page)).toHaveCount(0);
    await expect(legend(page)).toHaveCount(0);
  });
});
