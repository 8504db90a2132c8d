import type { Browser, Page } from '@playwright/test';
import { encodeShareFragment, parseTopology, serializeTopology, SHARE_LIMITS, templateById, type Topology } from '../src/core';
import { autosaveText, clusterNode, expect, loadTemplate, openDesigner, test } from './fixtures';
import { guardPage } from './page-guard';

/**
 * Share links carry the design in the URL fragment. Opening one goes through parseTopology; a broken one says
 * what is wrong and leaves the autosave untouched; names from a link are text, never HTML.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Clicks "Share link" and reads the link from the field (and its length as shown). */
async function shareLink(page: Page): Promise<{ url: string; shownLength: number }> {
  await page.getByRole('button', { name: 'Share link' }).click();
  const popover = page.getByRole('dialog', { name: 'Share link' });
  const field = popover.getByRole('textbox', { name: 'Link to this design' });
  await expect(field).toBeFocused();
  const url = await field.inputValue();
  await expect(popover).toContainText('Copied to the clipboard.');
  const shownLength = Number(await popover.locator('.share__length').getAttribute('data-length'));
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  return { url, shownLength };
}

/** A page in a context of its own (own localStorage), with the same guard as the fixtures. */
async function freshPage(browser: Browser, baseURL: string | undefined): Promise<{ page: Page; outside: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const { outside } = guardPage(page);
  return { page, outside, close: () => context.close() };
}

const topologyOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology);

function design(input: unknown): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.topology;
}

/** A 20-cluster supercluster: ten regions, two clusters each, a full gateway mesh, two users. */
function twentyClusters(): Topology {
  const regions = [
    'us-east-1',
    'us-west-2',
    'eu-west-1',
    'eu-central-1',
    'ap-south-1',
    'ap-northeast-1',
    'sa-east-1',
    'ca-central-1',
    'af-south-1',
    'me-south-1',
  ];
  const clusters = Array.from({ length: 20 }, (_, i) => ({
    name: `${regions[i % 10].replace(/-\d$/, '')}-${Math.floor(i / 10) + 1}`,
    region: regions[i % 10],
    zone: `${regions[i % 10]}${'abc'[i % 3]}`,
    position: { x: (i % 5) * 300, y: Math.floor(i / 5) * 200 },
    ...(i % 4 === 0 ? { replicas: 5 } : {}),
  }));
  const gateways = clusters.flatMap((a, i) => clusters.slice(i + 1).map((b) => [a.name, b.name]));
  return design({ version: 1, name: 'global', accounts: [{ name: 'APP', jetstream: true, users: ['app', 'ops'] }], clusters, gateways });
}

test.describe('share links', () => {
  test('a link opens the same design in a fresh browser, and its length is shown and measured', async ({ page, browser, baseURL }, testInfo) => {
    // Given the NoETL template
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const mine = await topologyOf(page);

    // When a link is made
    const { url, shownLength } = await shareLink(page);

    // Then it is this page with the design in the fragment, the length shown is its length, and it is on the clipboard
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#v1\.[A-Za-z0-9_-]+$/);
    expect(url.startsWith(`${baseURL}/#`)).toBe(true);
    expect(shownLength).toBe(url.length);
    expect(url.length).toBeLessThan(500);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    // The link holds the design only: no UI state
    expect(url.slice(url.indexOf('#') + 1)).toBe(encodeShareFragment(mine));
    testInfo.annotations.push({ type: 'link length', description: `NoETL: ${url.length} characters` });

    // When it is opened in a fresh browser context (no autosave there)
    const fresh = await freshPage(browser, baseURL);
    await fresh.page.goto(url);

    // Then the same design is there, the hash is gone, and it is autosaved
    await expect(clusterNode(fresh.page, 'a')).toBeVisible();
    await expect(clusterNode(fresh.page, 'b')).toBeVisible();
    expect(await topologyOf(fresh.page)).toEqual(mine);
    await expect.poll(() => fresh.page.evaluate(() => location.hash)).toBe('');
    await expect.poll(() => autosaveText(fresh.page)).toContain('"noetl-supercluster"');
    expect(fresh.outside).toEqual([]);
    await fresh.close();

    // A 20-cluster design with a full gateway mesh stays under the warning length
    await page.getByRole('button', { name: 'Import' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'twenty.yaml', mimeType: 'application/yaml', buffer: Buffer.from(serializeTopology(twentyClusters())) });
    await expect(page.locator('.react-flow__node')).toHaveCount(20);
    const big = await shareLink(page);
    expect(big.url.length).toBeLessThan(SHARE_LIMITS.warnChars);
    await page.getByRole('button', { name: 'Share link' }).click();
    await expect(page.getByRole('dialog', { name: 'Share link' })).not.toContainText('Longer than');
    await page.keyboard.press('Escape');
    testInfo.annotations.push({ type: 'link length', description: `20 clusters, 190 gateways: ${big.url.length} characters` });
    console.log(`share link lengths: NoETL ${url.length}, 20 clusters ${big.url.length}`);
  });

  test('opening a link over different work asks first: keep mine, or open shared as one undoable step', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const mine = await topologyOf(page);
    const shared = templateById('three-region')!.topology();
    const link = `/#${encodeShareFragment(shared)}`;

    // Keep mine: nothing changes and the hash is cleared
    await page.goto(link);
    const ask = page.getByRole('alertdialog', { name: 'Open the shared design?' });
    await expect(ask).toContainText(shared.name);
    await ask.getByRole('button', { name: 'Keep mine' }).click();
    await expect(ask).toHaveCount(0);
    expect(await topologyOf(page)).toEqual(mine);
    expect(await page.evaluate(() => location.hash)).toBe('');

    // Open shared: the design is replaced, and Undo brings mine back
    await page.goto(link);
    await ask.getByRole('button', { name: 'Open shared' }).click();
    await expect(clusterNode(page, 'us-east')).toBeVisible();
    expect(await topologyOf(page)).toEqual(shared);
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(clusterNode(page, 'a')).toBeVisible();
    expect(await topologyOf(page)).toEqual(mine);

    // A reload does not ask again
    await page.reload();
    await expect(clusterNode(page, 'a')).toBeVisible();
    await expect(ask).toHaveCount(0);
  });

  test('a corrupt, cut, oversized or future link shows what is wrong and leaves the autosave untouched', async ({ page, context }) => {
    // Given an autosaved design
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await expect.poll(() => autosaveText(page)).toContain('"noetl-supercluster"');
    const saved = await autosaveText(page);
    const good = encodeShareFragment(templateById('three-region')!.topology());

    const cases: [string, RegExp][] = [
      ['#v1.garbage', /damaged or cut short/],
      [`#${good.slice(0, good.length - 12)}`, /damaged or cut short/],
      ['#v9.x', /newer designer \(link format v9\)/],
      [`#v1.${'A'.repeat(SHARE_LIMITS.fragmentChars)}`, /at most 64000 are opened/],
      ['#v1.%%%', /characters that do not belong/],
    ];
    for (const [hash, message] of cases) {
      // When the link is opened in a new tab of the same browser (it shares the autosave)
      const tab = await context.newPage();
      const errors: string[] = [];
      tab.on('pageerror', (e) => errors.push(e.message));
      await tab.goto(`/${hash}`);

      // Then a banner says what is wrong, the saved design is shown, and the autosave is byte for byte the same
      const banner = tab.getByRole('alert').filter({ hasText: 'This share link cannot be opened.' });
      await expect(banner).toContainText(message);
      await expect(banner).toContainText('Your own design is unchanged.');
      await expect(clusterNode(tab, 'a')).toBeVisible();
      expect(await autosaveText(tab)).toBe(saved);

      // Dismiss clears the hash, still without writing anything
      await banner.getByRole('button', { name: 'Dismiss' }).click();
      await expect(banner).toHaveCount(0);
      expect(await tab.evaluate(() => location.hash)).toBe('');
      expect(await autosaveText(tab)).toBe(saved);
      expect(errors).toEqual([]);
      await tab.close();
    }
    expect(await autosaveText(page)).toBe(saved);
  });

  test('names from a link are shown as text, never run as HTML', async ({ page }) => {
    // Given a link whose names are markup that would fetch from outside and set a global if rendered as HTML
    const evil = '<img src="http://evil.example/x.png" onerror="window.__pwned=1">';
    const shared = design({
      version: 1,
      name: '<b>bold</b>',
      accounts: [{ name: '<script>window.__pwned=2</script>', users: ['<svg onload="window.__pwned=3">'] }],
      clusters: [
        { name: evil, region: '<i>r</i>', position: { x: 0, y: 0 } },
        { name: 'b', position: { x: 300, y: 0 } },
      ],
      gateways: [[evil, 'b']],
    });

    // When it is opened
    await page.goto(`/#${encodeShareFragment(shared)}`);

    // Then the names are there as literal text, and nothing ran (the fixture also fails on any outside request)
    await expect(page.getByRole('group', { name: `Cluster ${evil}`, exact: true })).toContainText(evil);
    await expect(page.locator('.toolbar__doc')).toHaveText('<b>bold</b>');
    await expect(page.locator('img[src*="evil"], svg[onload], b:text("bold")')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    // ... also in the previews and problems, which name them too
    await expect(page.getByRole('list', { name: 'Problems' })).toContainText('CLUSTER_NAME_INVALID');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
