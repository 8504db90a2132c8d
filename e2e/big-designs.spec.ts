import type { Locator, Page } from '@playwright/test';
import { parseTopology, type Topology } from '../src/core';
import { placeStacked } from '../src/ui/edits/layout';
import { AUTOSAVE_KEY, serializeDesign } from '../src/ui/store/autosave';
import { clusterNode, expect, openDesigner, test } from './fixtures';

/** Big designs on the canvas: readable at fit, the selection's neighbourhood, finding a cluster, the minimap. */

const NAMES = Array.from({ length: 30 }, (_, i) => `c${i + 1}`);
const FULL_MESH = NAMES.flatMap((a, i) => NAMES.slice(i + 1).map((b) => [a, b] as [string, string]));
const RING = NAMES.map((a, i) => [a, NAMES[(i + 1) % NAMES.length]] as [string, string]);

/** The design's text without a single position, as a hand-written file would be. */
function bareYaml(gateways: [string, string][]): string {
  return ['version: 1', 'name: big', 'clusters:', ...NAMES.map((n) => `  - name: ${n}`), 'gateways:', ...gateways.map(([a, b]) => `  - [${a}, ${b}]`), ''].join(
    '\n',
  );
}

function laidOut(data: object): Topology {
  const parsed = parseTopology({ version: 1, name: 'big', ...data });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return placeStacked(parsed.topology);
}

async function openWith(page: Page, topology: Topology): Promise<void> {
  await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [AUTOSAVE_KEY, serializeDesign(topology, [], [])] as const);
  await openDesigner(page);
  await expect(page.locator('.react-flow__node')).toHaveCount(topology.clusters.length);
}

/** Waits until the view stops moving (a fit glides for a quarter of a second), polling rather than timing. */
async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '';
        const steady = now === last;
        last = now;
        return steady;
      },
      { intervals: [150] },
    )
    .toBe(true);
}

/** Clusters whose box on screen overlaps this overlay's box. */
async function coveredBy(page: Page, overlay: Locator): Promise<string[]> {
  const o = (await overlay.boundingBox())!;
  const boxes = await page
    .locator('.react-flow__node')
    .evaluateAll((els) => els.map((el) => ({ name: el.getAttribute('aria-label'), box: el.getBoundingClientRect().toJSON() as DOMRect })));
  return boxes.filter(({ box: b }) => b.x < o.x + o.width && o.x < b.x + b.width && b.y < o.y + o.height && o.y < b.y + b.height).map((b) => b.name ?? '?');
}

const minimap = (page: Page) => page.locator('.react-flow__minimap');

/** How the gateway lines are faded: each distinct computed opacity and stroke-opacity, with how many lines have it. */
function lineFades(page: Page): Promise<{ opacity: string; strokeOpacity: string; count: number }[]> {
  return page.locator('.gateway-link__line').evaluateAll((els) => {
    const seen = new Map<string, { opacity: string; strokeOpacity: string; count: number }>();
    for (const el of els) {
      const s = getComputedStyle(el);
      const key = `${s.opacity} ${s.strokeOpacity}`;
      const entry = seen.get(key) ?? { opacity: s.opacity, strokeOpacity: s.strokeOpacity, count: 0 };
      entry.count++;
      seen.set(key, entry);
    }
    return [...seen.values()].sort((a, b) => Number(a.strokeOpacity) - Number(b.strokeOpacity));
  });
}

test.describe('big designs on the canvas', () => {
  test('a full mesh of 30 imported without positions is laid out, fitted clear of the minimap, and its names readable', async ({ page }, info) => {
    await openDesigner(page);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles({ name: 'mesh.yaml', mimeType: 'application/yaml', buffer: Buffer.from(bareYaml(FULL_MESH)) });
    await expect(page.locator('.react-flow__node')).toHaveCount(30);
    await expect(page.locator('.gateway-link')).toHaveCount(FULL_MESH.length);
    await settled(page);

    // Laid out: thirty spots, no two clusters overlapping
    const positions = await page.evaluate(() => window.__designer!.state().topology.clusters.map((c) => c.position));
    for (let i = 0; i < positions.length; i++) {
      for (let j = i + 1; j < positions.length; j++) {
        expect(Math.abs(positions[i].x - positions[j].x) >= 220 || Math.abs(positions[i].y - positions[j].y) >= 120).toBe(true);
      }
    }

    // Zoomed out past reading: the nodes show their names alone, each at least 11 pixels tall on screen
    await expect(page.locator('.canvas')).toHaveClass(/is-compact/);
    await expect(clusterNode(page, 'c1').getByText('servers')).toBeHidden();
    const sizes = await page.locator('.cluster-node__name').evaluateAll((els) => {
      const zoom = Number(/scale\(([\d.]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)![1]);
      return els.map((el) => parseFloat(getComputedStyle(el, '::after').fontSize) * zoom);
    });
    expect(sizes).toHaveLength(30);
    for (const px of sizes) expect(px).toBeGreaterThanOrEqual(11);
    // Many links: drawn thin and faint, faded by their stroke: an `opacity` below 1 would make each of the 435 lines a
    // compositing effect of its own, which the browser merges again after every edit
    await expect(page.locator('.gateway-layer')).toHaveClass(/is-dense/);
    expect(await lineFades(page)).toEqual([{ opacity: '1', strokeOpacity: '0.35', count: FULL_MESH.length }]);

    // And none of them under the minimap
    expect(await coveredBy(page, minimap(page))).toEqual([]);
    await page.screenshot({ path: info.outputPath('mesh-30-fit.png') });

    // Zoomed in again, the details come back
    await page.getByRole('searchbox', { name: 'Find cluster' }).click();
    await page.getByRole('searchbox', { name: 'Find cluster' }).pressSequentially('c1');
    await page.keyboard.press('Enter');
    await settled(page);
    await expect(page.locator('.canvas')).not.toHaveClass(/is-compact/);
    await expect(clusterNode(page, 'c1').getByText(/\d+ servers?/)).toBeVisible();
  });

  test('selecting a cluster brings its links and neighbours forward and dims the rest; clearing restores', async ({ page }, info) => {
    // a–b–c in a line, d alone: a's implied connection to c is a's too
    await openWith(
      page,
      laidOut({
        clusters: ['a', 'b', 'c', 'd'].map((name, i) => ({ name, position: { x: (i % 2) * 400, y: Math.floor(i / 2) * 300 } })),
        gateways: [
          ['a', 'b'],
          ['b', 'c'],
        ],
      }),
    );
    const dimmed = page.locator('.canvas.has-focus .react-flow__node:not(.is-related)');
    await expect(page.locator('.canvas')).not.toHaveClass(/has-focus/);

    await clusterNode(page, 'a').click();
    await expect(page.locator('.canvas')).toHaveClass(/has-focus/);
    await expect(clusterNode(page, 'a')).toHaveClass(/is-related/);
    await expect(clusterNode(page, 'b')).toHaveClass(/is-related/);
    await expect(dimmed).toHaveCount(2);
    await expect(clusterNode(page, 'c')).not.toHaveClass(/is-related/);
    await expect(clusterNode(page, 'd')).not.toHaveClass(/is-related/);
    await expect(page.getByRole('button', { name: 'Gateway a to b' })).toHaveAttribute('data-related', 'true');
    await expect(page.getByRole('button', { name: 'Gateway b to c' })).not.toHaveAttribute('data-related');
    await expect(page.getByRole('img', { name: /^Implied gateway a to c/ })).toHaveAttribute('data-related', 'true');
    // Dimmed, not hidden
    await expect(clusterNode(page, 'd')).toBeVisible();
    expect(Number(await clusterNode(page, 'd').evaluate((el) => getComputedStyle(el).opacity))).toBeLessThan(0.5);
    // The link that is not a's fades by its stroke, not by opacity
    expect(await lineFades(page)).toEqual([
      { opacity: '1', strokeOpacity: '0.15', count: 1 },
      { opacity: '1', strokeOpacity: '1', count: 1 },
    ]);
    await page.screenshot({ path: info.outputPath('focus.png') });

    // A selected link brings its two clusters forward
    await page.getByRole('button', { name: 'Gateway b to c' }).click();
    await expect(clusterNode(page, 'a')).not.toHaveClass(/is-related/);
    await expect(clusterNode(page, 'c')).toHaveClass(/is-related/);

    // Escape clears the selection, and nothing stays dimmed
    await page.keyboard.press('Escape');
    await expect(page.locator('.canvas')).not.toHaveClass(/has-focus/);
    await expect(page.locator('.react-flow__node.is-related')).toHaveCount(0);
    await expect(page.locator('.gateway-layer')).not.toHaveClass(/has-focus/);
    expect(Number(await clusterNode(page, 'd').evaluate((el) => getComputedStyle(el).opacity))).toBe(1);
  });

  test('"Find cluster" finds by part of a name, selects and shows it, and takes keys from no shortcut', async ({ page }) => {
    await openWith(page, laidOut({ clusters: NAMES.map((name) => ({ name })), gateways: RING }));
    const find = page.getByRole('searchbox', { name: 'Find cluster' });
    const found = page.getByRole('listbox', { name: 'Clusters found' }).getByRole('option');

    // `/` puts the keyboard there; typing lists the matching names, those starting with it first
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 300 } });
    await page.keyboard.press('/');
    await expect(find).toBeFocused();
    await find.pressSequentially('C1');
    await expect(found).toHaveCount(8);
    await expect(page.getByText('3 more: type more of the name')).toBeVisible();
    await find.pressSequentially('7');
    await expect(found).toHaveText(['c17']);

    // Enter selects it and brings it into view, clear of the minimap
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__designer!.state().selection)).toEqual({ clusters: ['c17'], gateways: [] });
    await settled(page);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    const node = (await clusterNode(page, 'c17').boundingBox())!;
    expect(node.x).toBeGreaterThanOrEqual(canvas.x);
    expect(node.x + node.width).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(node.y).toBeGreaterThanOrEqual(canvas.y);
    expect(node.y + node.height).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(await coveredBy(page, minimap(page))).not.toContain('Cluster c17');

    // Keys typed in the box stay there: no cluster added by `n`, none deleted by Backspace or Delete
    await expect(find).toBeFocused();
    await page.keyboard.press('n');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Delete');
    await expect(page.locator('.react-flow__node')).toHaveCount(30);
    expect(await page.evaluate(() => window.__designer!.state().selection)).toEqual({ clusters: ['c17'], gateways: [] });

    // Escape empties the box; a click on a listed name picks it
    await page.keyboard.press('Escape');
    await expect(find).toHaveValue('');
    await find.pressSequentially('2');
    await found.filter({ hasText: 'c25' }).click();
    expect(await page.evaluate(() => window.__designer!.state().selection)).toEqual({ clusters: ['c25'], gateways: [] });

    // A second Escape leaves the box; Ctrl+K comes back to it
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect(find).not.toBeFocused();
    await page.keyboard.press('Control+k');
    await expect(find).toBeFocused();
  });

  test('the minimap never covers a cluster after a fit, a Tidy or a resize, and hides on request', async ({ page }) => {
    await openWith(page, laidOut({ clusters: NAMES.map((name) => ({ name })), gateways: RING }));
    await settled(page);
    expect(await coveredBy(page, minimap(page))).toEqual([]);

    // Tidy (T) fits again
    await page.locator('.react-flow__pane').click({ position: { x: 400, y: 300 } });
    await page.keyboard.press('t');
    await settled(page);
    expect(await coveredBy(page, minimap(page))).toEqual([]);

    // The bottom panels made taller with the arrow keys: the canvas shrinks and the view fits again
    const before = (await page.locator('.canvas').boundingBox())!.height;
    await page.getByRole('separator', { name: 'Resize the bottom panels' }).focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
    await expect.poll(async () => (await page.locator('.canvas').boundingBox())!.height).toBeLessThan(before - 50);
    await settled(page);
    expect(await coveredBy(page, minimap(page))).toEqual([]);

    // Hide it; the button says what it does next, and the next visit remembers
    await page.getByRole('button', { name: 'Hide minimap' }).click();
    await expect(minimap(page)).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Show minimap' })).toBeVisible();
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(30);
    await expect(page.getByRole('button', { name: 'Show minimap' })).toBeVisible();
    await expect(minimap(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Show minimap' }).click();
    await expect(minimap(page)).toBeVisible();
    await settled(page);
    expect(await coveredBy(page, minimap(page))).toEqual([]);
  });
});
