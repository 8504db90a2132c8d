import { autosaveText, clusterNode, connect, expect, openDesigner, previewOf, test, typeOver } from './fixtures';

test.describe('the designer', () => {
  test('links two clusters, shows the gateway in both nats.conf previews, and undoes through it all', async ({ page }) => {
    // Given an empty design
    await openDesigner(page);

    // When two clusters are added and linked by dragging between their handles
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c1')).toBeVisible();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    await connect(page, 'c1', 'c2');

    // Then each cluster's nats.conf has a gateway block naming the other
    await expect(page.locator('.gateway-link')).toHaveCount(1);
    await expect.poll(async () => previewOf(page, 'nats-conf/c1.conf'), { intervals: [50] }).toContain('gateway {');
    expect(await previewOf(page, 'nats-conf/c1.conf')).toContain('{ name: "c2", urls:');
    expect(await previewOf(page, 'nats-conf/c2.conf')).toContain('{ name: "c1", urls:');
    // ... and the editor itself shows it
    await expect(page.locator('.code .view-lines')).toContainText('gateway');

    // When the link is selected and deleted
    await page.locator('.gateway-link').click();
    await page.keyboard.press('Delete');

    // Then the gateway is gone from both
    await expect(page.locator('.gateway-link')).toHaveCount(0);
    expect(await previewOf(page, 'nats-conf/c2.conf')).not.toContain('gateway {');
    expect(await previewOf(page, 'nats-conf/c1.conf')).not.toContain('gateway {');

    // Undo brings the link back, redo removes it again
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.locator('.gateway-link')).toHaveCount(1);
    expect(await previewOf(page, 'nats-conf/c1.conf')).toContain('gateway {');
    await page.keyboard.press('Control+Shift+Z');
    await expect(page.locator('.gateway-link')).toHaveCount(0);

    // Undo twice more with the keyboard: the link is back, then the second cluster is gone
    await page.keyboard.press('Control+Z');
    await expect(page.locator('.gateway-link')).toHaveCount(1);
    await page.keyboard.press('Control+Z');
    await expect(page.locator('.gateway-link')).toHaveCount(0);
    await expect(clusterNode(page, 'c2')).toHaveCount(1);
    await page.keyboard.press('Control+Z');
    await expect(clusterNode(page, 'c2')).toHaveCount(0);

    // A reload restores exactly the undone state, and the redo steps with it
    await page.reload();
    await expect(clusterNode(page, 'c1')).toBeVisible();
    await expect(clusterNode(page, 'c2')).toHaveCount(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    await expect(page.locator('.gateway-link')).toHaveCount(1);
  });

  test('an even replica count raises a warning that leads to the Replicas field; bad input stays at the field', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const replicas = page.getByLabel('Replicas', { exact: true });

    // Invalid text: the parser's message at the field, and the last valid design keeps rendering
    await typeOver(replicas, 'four');
    await expect(page.getByRole('alert').filter({ hasText: 'must be a whole number from 1 to 99, not "four"' })).toBeVisible();
    await expect(clusterNode(page, 'c1')).toContainText('3 servers');

    // Shortcuts do nothing while typing
    await replicas.press('n');
    await expect(clusterNode(page, 'c2')).toHaveCount(0);

    await typeOver(replicas, '4');
    await expect(clusterNode(page, 'c1')).toContainText('4 servers');
    const problems = page.getByRole('list', { name: 'Problems' });
    const warning = problems.getByRole('listitem').filter({ hasText: 'JETSTREAM_CLUSTER_EVEN' });
    await expect(warning).toBeVisible();
    await expect(warning).toContainText('cluster c1 has 4 servers');
    // The node shows a warning badge
    await expect(clusterNode(page, 'c1').locator('.badge--warning')).toBeVisible();

    // With nothing selected, clicking the problem selects the cluster and focuses Replicas
    await page.keyboard.press('Escape');
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await expect(page.getByLabel('Provider')).toBeVisible();
    await warning.click();
    await expect(page.getByLabel('Replicas', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Replicas', { exact: true })).toHaveValue('4');
  });

  test('the NoETL template on a 2Gi VM leaves pods Pending, and undo/redo/reload keep up', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('menuitem', { name: /NoETL/ }).click();
    await expect(clusterNode(page, 'a')).toBeVisible();
    const budget = page.getByRole('region', { name: 'Budget' });
    await expect(budget).toContainText('none would stay Pending');

    await typeOver(page.getByLabel('Memory', { exact: true }), '2Gi');
    await page.getByLabel('Memory', { exact: true }).blur();
    const pending = budget.getByRole('group', { name: 'Pending pods' });
    await expect(pending).toContainText(/\d+ pods? would stay Pending/);
    await expect(pending).toContainText('nats-');
    await expect(budget).toContainText('2048Mi');

    // The numbers are budget()'s: the pending count matches the core's figure
    const count = await page.evaluate(() => window.__designer!.state().topology.kind.memory);
    expect(count).toBe('2Gi');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(budget).toContainText('none would stay Pending');
    await expect(page.getByLabel('Memory', { exact: true })).toHaveValue('8Gi');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(pending).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Memory', { exact: true })).toHaveValue('2Gi');
    await expect(page.getByRole('region', { name: 'Budget' }).getByRole('group', { name: 'Pending pods' })).toBeVisible();
  });

  test('a dragged cluster stays where it was dropped, after a reload too', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const node = clusterNode(page, 'c1');
    const before = (await node.boundingBox())!;
    const position = () => page.evaluate(() => window.__designer!.state().topology.clusters[0].position);
    const start = await position();

    await page.mouse.move(before.x + before.width / 2, before.y + 20);
    await page.mouse.down();
    await page.mouse.move(before.x + before.width / 2 + 80, before.y + 60, { steps: 6 });
    // Mid-drag the node follows the pointer while the design stays as it was (it changes once, on the drop)
    await expect.poll(async () => (await node.boundingBox())!.x - before.x).toBeGreaterThan(50);
    expect(await position()).toEqual(start);
    await page.mouse.move(before.x + before.width / 2 + 160, before.y + 100, { steps: 6 });
    await page.mouse.up();

    const after = (await node.boundingBox())!;
    expect(after.x - before.x).toBeGreaterThan(120);
    expect(after.y - before.y).toBeGreaterThan(50);
    const moved = await position();
    expect(moved.x).toBeGreaterThan(start.x);
    expect(moved.y).toBeGreaterThan(start.y);
    // Snapped to the 20px grid, and the whole drag is one undo step
    expect(moved.x % 20).toBe(0);
    expect(moved.y % 20).toBe(0);
    expect(await page.evaluate(() => window.__designer!.state().past.length)).toBe(2);

    await page.reload();
    await expect(clusterNode(page, 'c1')).toBeVisible();
    expect(await position()).toEqual(moved);
  });

  test('an edit is saved when the page goes away, even before the browser was idle', async ({ page }) => {
    // Given a browser that is never idle (the autosave waits for an idle moment)
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await openDesigner(page);

    // When a cluster is added, it is not saved yet
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c1')).toBeVisible();
    expect(await autosaveText(page)).toBeNull();

    // Then a reload (the page going away) writes it first, and it is back
    await page.reload();
    await expect(clusterNode(page, 'c1')).toBeVisible();
    expect(await autosaveText(page)).toContain('"c1"');
  });
});
