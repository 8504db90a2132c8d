import type { Page } from '@playwright/test';
import { TEMPLATES } from '../src/core';
import { clusterNode, expect, loadTemplate, openDesigner, test } from './fixtures';

/** The Templates menu lists every built-in template, and multi-region opens without a red error or budget error. */

const problems = (page: Page) => page.getByRole('list', { name: 'Problems' });
const budgetChecks = (page: Page) => page.getByRole('region', { name: 'Budget' }).getByRole('list', { name: 'Budget checks' });

test.describe('the Templates menu', () => {
  test('lists every built-in template, multi-region among them', async ({ page }) => {
    await openDesigner(page);
    await page.getByRole('button', { name: 'Templates' }).click();
    const items = page.getByRole('menuitem');
    await expect(items).toHaveCount(TEMPLATES.length);
    for (const t of TEMPLATES) await expect(page.getByRole('menuitem', { name: t.title })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: /Multi-region/ })).toBeVisible();
  });

  test('opens multi-region: four clusters, no error, and a budget that covers one kube context', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /Multi-region/);
    for (const name of ['us-east', 'eu-west', 'ap-south', 'edge']) await expect(clusterNode(page, name)).toBeVisible();
    // No error: the one warning is the one-server edge's JetStream without a quorum
    await expect(page.locator('.pane--problems .count-chip.sev--error')).toHaveClass(/is-zero/);
    await expect(problems(page).locator('.problem.sev--error')).toHaveCount(0);
    // The budget says it checks us-east's Kubernetes cluster only, and finds no error or warning there
    await expect(budgetChecks(page).getByRole('listitem').filter({ hasText: 'K1' })).toContainText('covers kube context us-east only');
    await expect(budgetChecks(page).locator('.budget-check--error, .budget-check--warning')).toHaveCount(0);
  });
});
