import type { Page } from '@playwright/test';
import { clusterNode, expect, openDesigner, test, typeOver } from './fixtures';

/** The Problems panel as a user meets it: a start, not an error; typed text not applied; named codes; foldable groups. */

const problems = (page: Page) => page.getByRole('list', { name: 'Problems' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

test.describe('the problems panel', () => {
  test('greets an empty design with guidance, not a red error', async ({ page }) => {
    await openDesigner(page);
    await expect(problems(page)).toContainText('An empty design is a start');
    await expect(problems(page)).not.toContainText('TOPOLOGY_EMPTY');
    await expect(page.locator('.pane--problems .count-chip.sev--error')).toHaveClass(/is-zero/);
    await expect(problems(page).locator('.problem.sev--error')).toHaveCount(0);

    // The first cluster ends the guidance
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c1')).toBeVisible();
    await expect(problems(page)).not.toContainText('An empty design is a start');
  });

  test('lists text not applied as an error of its field, and drops it on leaving the cluster', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    await clusterNode(page, 'c2').click();
    const name = inspector(page).getByLabel('Name', { exact: true });
    await expect(name).toHaveValue('c2');

    // Replicas 0: shown at the field and in the panel, as a draft of that field
    await typeOver(inspector(page).getByLabel('Replicas', { exact: true }), '0');
    const replicasDraft = problems(page).getByRole('listitem').filter({ hasText: 'Not applied: "0"' });
    await expect(replicasDraft).toContainText('cluster c2 (replicas)');
    await expect(replicasDraft).toContainText('The design keeps "3"');

    // A duplicate name: the same (typed key by key, "c" was a valid name, so the cluster is "c" meanwhile)
    await typeOver(name, 'c1');
    const nameDraft = problems(page).getByRole('listitem').filter({ hasText: 'Not applied: "c1"' });
    await expect(nameDraft).toContainText('another cluster is already named "c1"');
    await expect(nameDraft).toContainText('The design keeps "c"');
    await expect(nameDraft).toContainText('cluster c (name)');
    // Both are errors, listed first under Errors
    await expect(problems(page).locator('.problem.sev--error.problem--draft')).toHaveCount(2);
    await expect(problems(page).getByRole('listitem').first()).toContainText('Errors');

    // A click on it goes to the field
    await page.locator('.react-flow__pane').hover();
    await nameDraft.click();
    await expect(name).toBeFocused();

    // Leaving the cluster and coming back: the design's name, and no draft anywhere
    await clusterNode(page, 'c1').click();
    await expect(name).toHaveValue('c1');
    await clusterNode(page, 'c').click();
    await expect(name).toHaveValue('c');
    await expect(inspector(page).getByRole('alert')).toHaveCount(0);
    await expect(problems(page)).not.toContainText('Not applied');
  });

  test('names each code from the core registry, errors first, each group folding away', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await clusterNode(page, 'c1').click();
    await typeOver(inspector(page).getByLabel('Replicas', { exact: true }), '4');
    const list = problems(page);
    // The lint's code and the budget's, each with its readable name
    await expect(list.getByRole('listitem').filter({ hasText: 'JETSTREAM_CLUSTER_EVEN' })).toContainText('Jetstream cluster even');
    await expect(list.getByRole('listitem').filter({ hasText: 'H5' })).toContainText('VM at its default size');

    // Errors come before warnings: a bad name makes one
    await typeOver(inspector(page).getByLabel('Name', { exact: true }), 'Bad_Name');
    const groups = list.locator('.problem-group__toggle');
    await expect(groups.first()).toHaveText(/Errors · \d+/);
    await expect(groups.nth(1)).toHaveText(/Warnings · \d+/);

    // Folding the warnings hides them and keeps the errors
    await groups.nth(1).click();
    await expect(groups.nth(1)).toHaveAttribute('aria-expanded', 'false');
    await expect(list.getByRole('listitem').filter({ hasText: 'JETSTREAM_CLUSTER_EVEN' })).toHaveCount(0);
    await expect(list.getByRole('listitem').filter({ hasText: 'CLUSTER_NAME_INVALID' })).toBeVisible();
    await groups.nth(1).click();
    await expect(list.getByRole('listitem').filter({ hasText: 'JETSTREAM_CLUSTER_EVEN' })).toBeVisible();
  });
});
