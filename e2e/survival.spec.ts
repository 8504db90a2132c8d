import type { Page } from '@playwright/test';
import { clusterNode, connect, expect, loadTemplate, openDesigner, test } from './fixtures';

/** The Problems panel says what the design survives (the core's survival statement), and follows every edit. */

const survives = (page: Page) => page.getByRole('region', { name: 'What it survives' });

test.describe('what the design survives', () => {
  test('two clusters of 3 lose JetStream with either; a third cluster of 1 linked to both survives the loss of one', async ({ page }) => {
    // Given the NoETL template: clusters a and b of 3 servers with JetStream, one gateway
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);

    // Then the panel says either cluster's loss stops JetStream everywhere
    await expect(survives(page).getByRole('listitem').first()).toHaveText(
      'Survives any 1 server of each cluster; not the loss of cluster a or cluster b: JetStream stops everywhere.',
    );
    // ...and its numbers are a click away
    await expect(
      survives(page).getByText('Losing cluster a: JetStream stops everywhere (3 of 6 meta servers left, quorum 4); core NATS keeps working in b.'),
    ).toBeHidden();
    await survives(page).getByText('Details').click();
    await expect(
      survives(page).getByText('Losing cluster a: JetStream stops everywhere (3 of 6 meta servers left, quorum 4); core NATS keeps working in b.'),
    ).toBeVisible();

    // When a single server is added and linked to both with the mouse
    await page.getByRole('button', { name: /Single server/ }).click();
    const name = await page.evaluate(() => window.__designer!.state().topology.clusters[2].name);
    await expect(clusterNode(page, name)).toBeVisible();
    await connect(page, 'a', name);
    await connect(page, 'b', name);
    expect(await page.evaluate(() => window.__designer!.state().topology.gateways)).toEqual([
      ['a', 'b'],
      ['a', name],
      ['b', name],
    ]);

    // Then the design survives the loss of any one cluster
    await expect(survives(page).getByRole('listitem').first()).toHaveText(
      `Survives any 1 of cluster a's 3 servers; survives any 1 of cluster b's 3 servers; not the loss of any server of cluster ${name}: its streams stop; the loss of any one cluster.`,
    );
    await expect(survives(page).getByText(`Losing cluster a: JetStream continues in b and ${name} (4 of 7 meta servers left, quorum 4)`)).toBeVisible();
    await page.screenshot({ path: 'test-results/survival-three.png' });

    // When both new links are undone, the single server is a system of its own and a or b stop JetStream again
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(survives(page).getByRole('listitem').first()).toHaveText(
      'cluster a and cluster b: survives any 1 server of each cluster; not the loss of cluster a or cluster b: JetStream stops everywhere.',
    );
  });
});
