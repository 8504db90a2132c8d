import type { Page } from '@playwright/test';
import { budget as budgetOf, parseTopology } from '../src/core';
import { placeStacked } from '../src/ui/edits/layout';
import { AUTOSAVE_KEY, serializeDesign } from '../src/ui/store/autosave';
import { expect, loadTemplate, openDesigner, test, typeOver } from './fixtures';

/** The kind budget as someone new to kind reads it: a legend, an honest headline, one usable figure, named codes. */

const budget = (page: Page) => page.getByRole('region', { name: 'Budget' });

const kindMemory = (page: Page) => page.evaluate(() => window.__designer!.state().topology.kind.memory);

/** Types over an inspector field, key by key, and leaves it. */
async function typeOverField(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await typeOver(field, text);
  await field.blur();
}

test.describe('the budget panel', () => {
  test('explains requests, limits, stripes and the marker, and never says "fits" in green beside warnings', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const panel = budget(page);

    // A legend for each part of a bar
    await expect(panel.getByText('How to read the bars')).toBeVisible();
    await expect(panel).toContainText('Requests (solid): what the scheduler reserves');
    await expect(panel).toContainText('Limits (striped): the most a pod may use');
    await expect(panel).toContainText('Marker: the memory usable by pods');

    // NoETL's memory limits pass the usable memory: scheduled, but not "fits"
    await expect(panel).toContainText('none would stay Pending');
    await expect(panel).not.toContainText('Every pod fits');
    await expect(panel.locator('.budget-headline--warn')).toContainText(/but \d+ warnings? below/);
    // Its link goes to the checks without touching the page's fragment (the share link's place)
    await panel.getByRole('link', { name: 'see the checks' }).click();
    await expect(panel.locator('#budget-checks')).toBeInViewport();
    expect(new URL(page.url()).hash).toBe('');

    // The warning's code is shown with a readable name
    const checks = panel.getByRole('list', { name: 'Budget checks' });
    await expect(checks.getByRole('listitem').filter({ hasText: 'H3' })).toContainText('Memory limits over the usable memory');
  });

  test('one usable memory figure, the same in the text, the marker and the warnings', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const panel = budget(page);
    // Once the template's budget is in (it follows the design a frame later)
    await expect(panel.getByRole('list', { name: 'Budget checks' })).toContainText('H3');
    const usable = (await panel.locator('.facts--usable strong').innerText()).trim();
    expect(usable).toMatch(/^\d+Mi$/);
    await expect(panel.getByText('Usable by pods', { exact: true })).toHaveCount(1);
    for (const title of await panel.locator('.bar__marker').evaluateAll((els) => els.map((e) => e.getAttribute('title')))) {
      expect(title).toBe(`${usable} usable by pods`);
    }
    // The warnings name it the same way, never as the VM's memory
    const checks = panel.getByRole('list', { name: 'Budget checks' });
    await expect(checks).toContainText(new RegExp(`Limits total \\d+Mi > ${usable} usable by pods`));
    await expect(checks).not.toContainText(`VM ${usable}`);
  });

  test('"see D1" links to the D1 item in the panel', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    // A small disk makes D1 appear beside D3, whose fix says "see D1"
    await typeOverField(page, 'Disk', '5Gi');
    const checks = budget(page).getByRole('list', { name: 'Budget checks' });
    const d1 = checks.locator('#budget-check-D1');
    await expect(d1).toContainText('VM disk nearly full');
    const link = checks.getByRole('listitem').filter({ hasText: 'D3' }).getByRole('link', { name: 'D1' });
    await link.click();
    await expect(d1).toBeFocused();
  });

  test("the provider hint says whether the fields are its default or the user's own size", async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const hint = page.locator('.inspector').getByText(/The fields below are/);
    await typeOverField(page, 'CPUs', '6');
    await expect(hint).toContainText("The fields below are your VM's size");
    await page.getByLabel('Provider', { exact: true }).selectOption('colima');
    await expect(hint).toContainText("The fields below are Colima's default size");
    await expect(page.getByLabel('CPUs', { exact: true })).toHaveValue('2');
  });

  test('at 1280×720 the budget header shows the whole VM', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const sub = budget(page).locator('.pane__sub');
    await expect(sub).toContainText(/CPUs · \d/);
    expect(
      await sub.evaluate(
        (el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= el.closest('section')!.getBoundingClientRect().right,
      ),
    ).toBe(true);
  });

  test("a new design on podman's default VM: one click sizes the VM, and the panel says how to give the real VM that size", async ({ page }) => {
    await openDesigner(page);
    // Two default clusters on the default kind VM (podman machine, 4 CPUs, 2 GiB): three pods would stay Pending
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const panel = budget(page);
    await expect(panel.getByRole('group', { name: 'Pending pods' })).toContainText('3 pods would stay Pending');
    const size = panel.getByRole('group', { name: 'VM size' });
    await expect(size).toContainText("podman machine's default size (4 CPUs, 2 GiB) leaves 736Mi usable by pods: too small for this design");

    await size.getByRole('button', { name: 'Size the VM for this design' }).click();

    // The budget's own smallest size: nothing Pending, no CPU or memory warning left, and the command to match
    await expect.poll(() => kindMemory(page)).toBe('14Gi');
    await expect(panel.getByRole('group', { name: 'Pending pods' })).toHaveCount(0);
    await expect(size.getByRole('button', { name: 'Size the VM for this design' })).toHaveCount(0);
    await expect(size).toContainText('podman machine set --cpus 4 --memory 14336');
    const checks = panel.getByRole('list', { name: 'Budget checks' });
    for (const code of ['S2', 'S7', 'H1w', 'H3', 'M5']) await expect(checks.getByRole('listitem').filter({ hasText: code })).toHaveCount(0);

    // One undo step takes it back
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => kindMemory(page)).toBe('2Gi');
  });

  test('a design far too big for its VM groups its Pending pods by why, and the VM size stays in reach', async ({ page }) => {
    // 30 default clusters, 90 servers, on the default VM: most pods stay Pending, nearly all for one reason
    const parsed = parseTopology({ version: 1, name: 'crowded', clusters: Array.from({ length: 30 }, (_, i) => ({ name: `c${i + 1}` })) });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const topology = placeStacked(parsed.topology);
    const { pending } = budgetOf(topology);
    const reasons = new Set(pending.map((p) => `${p.explanation}\n${p.reason}`));
    expect(pending.length).toBeGreaterThan(50);
    await page.addInitScript(([key, text]) => localStorage.setItem(key, text), [AUTOSAVE_KEY, serializeDesign(topology, [], [])] as const);
    await openDesigner(page);

    const group = budget(page).getByRole('group', { name: 'Pending pods' });
    await expect(group).toContainText(`${pending.length} pods would stay Pending`);
    // One row per reason, not per pod: the VM size and its button follow within a screenful
    await expect(group.getByRole('listitem')).toHaveCount(reasons.size);
    expect((await group.boundingBox())!.height).toBeLessThan(200);
    const first = group.getByRole('listitem').first();
    await expect(first).toContainText(pending[0].explanation);
    await expect(first).toContainText(pending[0].reason);
    for (const p of pending.filter((q) => q.explanation === pending[0].explanation && q.reason === pending[0].reason).slice(0, 6)) {
      await expect(first.getByText(p.pod, { exact: true })).toBeVisible();
    }

    // The rest fold away; opened, every Pending pod is named
    const more = first.getByText(/^and \d+ more$/);
    await expect(more).toBeVisible();
    const last = pending[pending.length - 1].pod;
    await expect(group.getByText(last)).toBeHidden();
    await more.click();
    await expect(group.getByText(last)).toBeVisible();
    const text = (await group.textContent()) ?? '';
    for (const p of pending) expect(text).toContain(p.pod);
    await expect(budget(page).getByRole('group', { name: 'VM size' }).getByRole('button', { name: 'Size the VM for this design' })).toBeVisible();
  });
});
