import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { bodyOf, clusterNode, expect, loadTemplate, openDesigner, test } from './fixtures';

/**
 * Day-2 changes in the designer: the design last downloaded (or found in a previous bundle) is the baseline, and the
 * Problems panel lists what applying the current design over it needs beyond `kubectl apply`.
 */

const since = (page: Page) => page.getByRole('region', { name: /Since the last download/ });
const REMOVED_B =
  'cluster b is gone from the design: applying leaves its 3 servers running, gatewayed to the others and voting in the JetStream meta group, and the streams placed there stay with them';
const BASELINE_KEY = 'nats-topology-designer:baseline:v1';

async function downloadBundle(page: Page): Promise<Buffer> {
  await page.getByRole('button', { name: 'Download bundle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download bundle' });
  await expect(dialog).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download/ }).click()]);
  await expect(dialog).toHaveCount(0);
  return readFileSync(await download.path());
}

/** Selects a cluster with a click on its body and deletes it with the keyboard. */
async function deleteCluster(page: Page, name: string): Promise<void> {
  const at = await bodyOf(page, name);
  await page.mouse.click(at.x, at.y);
  await expect(clusterNode(page, name)).toHaveClass(/selected/);
  await page.keyboard.press('Delete');
  await expect(clusterNode(page, name)).toHaveCount(0);
}

test.describe('changes since the last download', () => {
  test('a removed cluster shows CHANGE_CLUSTER_REMOVED with its procedure, across a reload, until forgotten', async ({ page }) => {
    // Given the NoETL template, downloaded as a bundle
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await expect(since(page)).toHaveCount(0);
    const zip = await downloadBundle(page);

    // Then the panel compares with it, and nothing has changed yet
    await expect(since(page)).toContainText('Since the last download · 0');
    await expect(since(page)).toContainText('nothing needs more than applying the new bundle');
    // ...and what the browser keeps of it holds no password
    const secret = strFromU8(unzipSync(new Uint8Array(zip))['noetl-supercluster/secret.yaml']);
    const passwords = [...secret.matchAll(/^ {2}NATS_PASSWORD_\w+: "?([A-Za-z0-9]+)"?$/gm)].map((m) => m[1]);
    expect(passwords.length).toBeGreaterThan(0);
    const stored = (await page.evaluate((key) => localStorage.getItem(key), BASELINE_KEY))!;
    expect(stored).toContain('noetl-supercluster');
    for (const pw of passwords) expect(stored).not.toContain(pw);

    // When cluster b is removed
    await deleteCluster(page, 'b');

    // Then the change is listed with the README procedure
    await expect(since(page)).toContainText('Since the last download · 1');
    await expect(since(page).getByRole('listitem')).toHaveCount(1);
    await expect(since(page).getByRole('listitem')).toContainText('CHANGE_CLUSTER_REMOVED');
    await expect(since(page).getByRole('listitem')).toContainText(REMOVED_B);
    await expect(since(page).getByRole('listitem')).toContainText('the bundle README, "Removing (or renaming) a cluster"');
    await page.screenshot({ path: 'test-results/baseline-removed.png' });

    // When the page is reloaded, it is still there
    await page.reload();
    await expect(page.getByRole('button', { name: 'Add cluster' })).toBeVisible();
    await expect(since(page).getByRole('listitem')).toContainText(REMOVED_B);

    // When the user forgets it, the group goes, and stays gone after a reload
    await since(page).getByRole('button', { name: 'Forget it' }).click();
    await expect(since(page)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Add cluster' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'What it survives' })).toBeVisible();
    await expect(since(page)).toHaveCount(0);
  });

  test('a previous bundle chosen in the Download dialog becomes the baseline when it holds a topology.yaml', async ({ page }) => {
    // Given the NoETL bundle downloaded, the baseline forgotten, and cluster b removed
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const zip = await downloadBundle(page);
    await since(page).getByRole('button', { name: 'Forget it' }).click();
    await deleteCluster(page, 'b');
    await expect(since(page)).toHaveCount(0);

    // When the old zip is chosen to keep its passwords
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download bundle' });
    await dialog.getByRole('radio', { name: /Keep the passwords of a previous bundle/ }).check();
    await dialog.getByLabel('Previous bundle or its secret.yaml').setInputFiles({ name: 'noetl-supercluster.zip', mimeType: 'application/zip', buffer: zip });

    // Then the dialog says what applying over it needs, and the panel compares with it
    await expect(dialog.getByRole('group', { name: 'Changes since the previous bundle' })).toContainText(REMOVED_B);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(since(page)).toContainText('Compared with the design in noetl-supercluster.zip');
    await expect(since(page).getByRole('listitem')).toContainText(REMOVED_B);
  });
});
