import type { Page } from '@playwright/test';
import { clusterNode, expect, openDesigner, previewOf, test, typeOver } from './fixtures';

/** Leafnode links: made in the inspector ("Leaf of"), drawn dashed towards the hub, rendered, renamed with the hub. */

const topologyOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test.describe('leafnode links', () => {
  test('a cluster is made a leaf of another from the inspector, with its own domain, and drawn as a dashed arrow', async ({ page }) => {
    // Given two clusters, and the topology's JetStream domain typed key by key
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    await page.keyboard.press('Escape');
    await typeOver(page.getByLabel('JetStream domain', { exact: true }), 'hub');
    await expect.poll(async () => (await topologyOf(page)).jetstream.domain).toBe('hub');

    // When c2 is made a leaf of c1 and given the domain "edge"
    await clusterNode(page, 'c2').click();
    await page.getByLabel('Leaf of', { exact: true }).selectOption('c1');
    await typeOver(page.getByLabel('JetStream domain', { exact: true }), 'edge');

    // Then the design has the link and the domain
    await expect.poll(async () => (await topologyOf(page)).leafnodes).toEqual([['c2', 'c1']]);
    expect((await topologyOf(page)).clusters[1].domain).toBe('edge');
    // And the canvas draws it dashed, with an arrow towards the hub, unlike a gateway
    const line = page.getByRole('img', { name: 'Leafnode link: c2 is a leaf of c1' }).locator('path');
    await expect(line).toBeVisible();
    expect(await line.evaluate((el) => getComputedStyle(el).strokeDasharray)).not.toBe('none');
    expect(await line.getAttribute('marker-end')).toBe('url(#leaf-arrow)');
    // And the leaf dials the hub, which listens on 7422
    expect(await previewOf(page, 'nats-conf/c2.conf')).toMatch(/domain: "edge"[\s\S]*leafnodes \{\n {2}remotes: \[/);
    expect(await previewOf(page, 'nats-conf/c1.conf')).toMatch(/leafnodes \{\n {2}port: 7422/);

    // When the hub is renamed key by key, the link follows it
    await clusterNode(page, 'c1').click();
    await typeOver(inspector(page).getByLabel('Name', { exact: true }), 'hub');
    await expect.poll(async () => (await topologyOf(page)).leafnodes).toEqual([['c2', 'hub']]);
    await expect(page.getByRole('img', { name: 'Leafnode link: c2 is a leaf of hub' })).toBeVisible();

    // When c2 is no leaf any more, the key is gone and nothing is drawn
    await clusterNode(page, 'c2').click();
    await page.getByLabel('Leaf of', { exact: true }).selectOption('');
    await expect.poll(async () => 'leafnodes' in (await topologyOf(page))).toBe(false);
    await expect(page.getByRole('img', { name: /Leafnode link/ })).toHaveCount(0);
  });

  test('"Leaf of" commits on Enter or a pick, never while arrowing through the options, as one undo step', async ({ page }) => {
    // Given three clusters, c3 selected
    await openDesigner(page);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add cluster' }).click();
    await clusterNode(page, 'c3').click();
    const select = page.getByLabel('Leaf of', { exact: true });

    // When the user arrows down twice through the options, without Enter
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');

    // Then the select shows the option reached, and the design has no leaf link
    await expect(select).toHaveValue('c2');
    expect(await topologyOf(page)).not.toHaveProperty('leafnodes');
    // Escape drops the choice
    await page.keyboard.press('Escape');
    await expect(select).toHaveValue('');

    // When the user arrows to c2 again and presses Enter, that one link is made
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await topologyOf(page)).leafnodes).toEqual([['c3', 'c2']]);
    await expect(select).toHaveValue('c2');

    // And one undo step takes it back to no link (no step per option passed)
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => 'leafnodes' in (await topologyOf(page))).toBe(false);
    expect((await topologyOf(page)).clusters.map((c) => c.name)).toEqual(['c1', 'c2', 'c3']);

    // The button beside the select commits a choice made with the keyboard
    await select.focus();
    await page.keyboard.press('ArrowDown');
    expect(await topologyOf(page)).not.toHaveProperty('leafnodes');
    await inspector(page).getByRole('button', { name: 'Set hub', exact: true }).click();
    await expect.poll(async () => (await topologyOf(page)).leafnodes).toEqual([['c3', 'c1']]);
  });
});
