import { clusterNode, expect, openDesigner, test } from './fixtures';

test.describe('canvas gestures and commands', () => {
  test('palette drop, duplicate, copy/paste, box select, tidy and the shortcuts dialog', async ({ page }) => {
    await openDesigner(page);
    const pane = page.locator('.react-flow__pane');

    // Drag a 5-server cluster from the palette onto the canvas
    await page.getByRole('complementary', { name: 'Palette and outline' }).getByRole('button', { name: /5-server cluster/ }).dragTo(pane, { targetPosition: { x: 60, y: 200 } });
    await expect(clusterNode(page, 'c1')).toContainText('5 servers');

    // Duplicate it (Ctrl+D), then copy and paste the copy
    await clusterNode(page, 'c1').click();
    await page.keyboard.press('Control+D');
    await expect(clusterNode(page, 'c1-copy')).toBeVisible();
    await page.keyboard.press('Control+C');
    await page.keyboard.press('Control+V');
    await expect(clusterNode(page, 'c1-copy-2')).toBeVisible();

    // Shift-click adds to the selection; Delete removes both
    await clusterNode(page, 'c1-copy').click({ modifiers: ['Shift'] });
    await expect(page.getByText('2 clusters selected.')).toBeVisible();
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(1);

    // Box select with Shift-drag over the whole canvas
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.keyboard.press('Escape');
    const box = (await pane.boundingBox())!;
    await page.keyboard.down('Shift');
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x + box.width - 5, box.y + box.height - 5, { steps: 5 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect(page.getByText('3 clusters selected.')).toBeVisible();

    // Tidy lays them out on a grid/circle: no two clusters overlap afterwards
    await page.getByRole('button', { name: 'Tidy' }).click();
    const positions = await page.evaluate(() => window.__designer!.state().topology.clusters.map((c) => c.position));
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        const apart = Math.abs(positions[i].x - positions[j].x) >= 220 || Math.abs(positions[i].y - positions[j].y) >= 120;
        expect(apart).toBe(true);
      }
    }

    // `?` lists the shortcuts from the command registry; Escape closes it
    await pane.click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toContainText('Duplicate');
    await expect(dialog).toContainText('Ctrl+Shift+Z');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);

    // Keys typed in the code view stay there: no cluster is added, nothing is undone
    const count = await page.locator('.react-flow__node').count();
    const steps = await page.evaluate(() => window.__designer!.state().past.length);
    await page.locator('.code .view-lines').click({ position: { x: 30, y: 10 } });
    await page.keyboard.press('n');
    await page.keyboard.press('Control+Z');
    await expect(page.locator('.react-flow__node')).toHaveCount(count);
    expect(await page.evaluate(() => window.__designer!.state().past.length)).toBe(steps);
  });
});
