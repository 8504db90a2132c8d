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
});
