import type { Page } from '@playwright/test';
import { encodeShareFragment, parseTopology, type Topology } from '../src/core';
import { autosaveText, expect, loadTemplate, openDesigner, test } from './fixtures';

/**
 * A short share link can hold a design whose bundle would be gigabytes: every conf lists every user and every other
 * cluster of its system. Such a link crashed the tab on "Open shared"; now the design opens, the previews and the
 * download say why nothing is rendered, and the page stays responsive, also on the next load from the autosave.
 */

function design(input: unknown): Topology {
  const parsed = parseTopology(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 3)));
  return parsed.topology;
}

/** 500 clusters and 100 accounts sharing 1,000 users: the probe's 11,885-character link. */
function crowded(): Topology {
  const users = Array.from({ length: 1000 }, (_, i) => `u${i}`);
  return design({
    version: 1,
    name: 'crowded',
    accounts: Array.from({ length: 100 }, (_, a) => ({ name: `A${a}`, users })),
    clusters: Array.from({ length: 500 }, (_, i) => ({ name: `c${i}` })),
  });
}

/** A page's main thread answers a task within `ms`: it is not frozen. */
async function responsive(page: Page, ms: number): Promise<void> {
  const started = Date.now();
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  expect(Date.now() - started).toBeLessThan(ms);
}

test('a short link to a design too large to render opens, says why, and never freezes the tab', async ({ page }) => {
  test.setTimeout(180_000);
  // Given an autosaved design and a link of about 12,000 characters
  await openDesigner(page);
  await loadTemplate(page, /NoETL/);
  await expect.poll(() => autosaveText(page)).toContain('"noetl-supercluster"');
  const hash = encodeShareFragment(crowded());
  expect(hash.length).toBeLessThan(13_000);

  // When it is opened over the design
  await page.goto(`/#${hash}`);
  await page.getByRole('alertdialog', { name: 'Open the shared design?' }).getByRole('button', { name: 'Open shared' }).click();

  // Then the design is there, the preview says why it shows no file, and the tab answers
  const reason = page.getByRole('alert').filter({ hasText: 'This design is too large to render.' });
  await expect(reason).toContainText('would list 100001 users in each of 500 confs', { timeout: 30_000 });
  await responsive(page, 2_000);
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('OUTPUT_TOO_LARGE');
  // Over a thousand errors (one per shared user, the size, the budget): a hundred are listed, the rest one click away
  await expect(problems.getByRole('button', { name: /^Show 9\d\d more errors$/ })).toBeVisible();

  // And the download says the same and offers no button to press
  await page.getByRole('button', { name: 'Download bundle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download bundle' });
  await expect(dialog).toContainText('This design is too large to render.');
  await expect(dialog.getByRole('button', { name: /^Download/ })).toBeDisabled();
  await expect(dialog.getByRole('group', { name: 'Errors in the design' })).toContainText('and 991 more: the Problems panel lists them all.');
  await page.keyboard.press('Escape');

  // And once autosaved, the next load is just as quick
  await expect.poll(() => autosaveText(page), { timeout: 30_000 }).toContain('"crowded"');
  await page.reload();
  await expect(reason).toBeVisible({ timeout: 30_000 });
  await responsive(page, 2_000);
});
