import { parseTopology } from '../src/core';
import { AUTOSAVE_KEY, serializeDesign } from '../src/ui/store/autosave';
import { clusterNode, expect, loadTemplate, openDesigner, test } from './fixtures';

test.describe('canvas gestures and commands', () => {
  test('palette drop, duplicate, copy/paste, box select, tidy and the shortcuts dialog', async ({ page }) => {
    await openDesigner(page);
    const pane = page.locator('.react-flow__pane');

    // Drag a 5-server cluster from the palette onto the canvas
    await page
      .getByRole('complementary', { name: 'Palette and outline' })
      .getByRole('button', { name: /5-server cluster/ })
      .dragTo(pane, { targetPosition: { x: 60, y: 200 } });
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

  test('links select like nodes: click, Shift-click, the keyboard, a click elsewhere', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /3-region/);
    const selection = () => page.evaluate(() => window.__designer!.state().selection);
    const link = (name: string) => page.getByRole('button', { name, exact: true });
    await expect(page.locator('.gateway-link')).toHaveCount(3);

    // A click selects the link alone, and the inspector shows it
    await link('Gateway us-east to eu-west').click();
    expect(await selection()).toEqual({ clusters: [], gateways: ['us-east~eu-west'] });
    await expect(page.getByRole('complementary', { name: 'Inspector' })).toContainText('Gateway');

    // A click on a node selects the node alone; Shift-click on a link adds the link
    await clusterNode(page, 'ap-south').click();
    expect(await selection()).toEqual({ clusters: ['ap-south'], gateways: [] });
    await link('Gateway us-east to ap-south').click({ modifiers: ['Shift'] });
    expect(await selection()).toEqual({ clusters: ['ap-south'], gateways: ['us-east~ap-south'] });

    // A click on the empty canvas clears both
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await page.mouse.click(pane.x + 12, pane.y + 12);
    expect(await selection()).toEqual({ clusters: [], gateways: [] });

    // The keyboard reaches a link: focus it and press Enter
    await link('Gateway eu-west to ap-south').focus();
    await page.keyboard.press('Enter');
    expect(await selection()).toEqual({ clusters: [], gateways: ['eu-west~ap-south'] });
  });

  test('a link that runs behind a cluster is drawn under it: the cluster takes the click', async ({ page }) => {
    // Given three clusters in a row, the outer two linked, so the link runs behind the middle one
    const parsed = parseTopology({
      version: 1,
      name: 'row',
      clusters: ['a', 'b', 'c'].map((name, i) => ({ name, position: { x: i * 400, y: 0 } })),
      gateways: [['a', 'c']],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [AUTOSAVE_KEY, serializeDesign(parsed.topology, [], [])] as const);
    await openDesigner(page);
    await expect(page.locator('.gateway-link')).toHaveCount(1);

    // Then at the middle cluster's centre, on the link's line, the element is the cluster, and a click selects it
    const box = (await clusterNode(page, 'b').boundingBox())!;
    const at = [box.x + box.width / 2, box.y + box.height / 2] as const;
    const hit = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('.react-flow__node, .gateway-link')?.className ?? null, at);
    expect(hit).toContain('react-flow__node');
    await page.mouse.click(...at);
    expect(await page.evaluate(() => window.__designer!.state().selection)).toEqual({ clusters: ['b'], gateways: [] });
  });
});
