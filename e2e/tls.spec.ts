import type { Page } from '@playwright/test';
import { clusterNode, expect, loadTemplate, openDesigner, previewOf, test, typeOver } from './fixtures';

/** The TLS switches: set for every cluster in the defaults, overridden on one, with the lint at the switch. */

const topologyOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology);

test.describe('TLS switches', () => {
  test('a default switch turns TLS on for every cluster; a cluster that turns gateways off gets the error at its switch until it inherits again', async ({
    page,
  }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'Cluster defaults' }).click();

    // Gateways by the mouse, clients by the keyboard
    const gatewaysDefault = inspector.getByRole('checkbox', { name: 'Default TLS for gateways', exact: true });
    await expect(gatewaysDefault).not.toBeChecked();
    await gatewaysDefault.click();
    await expect(gatewaysDefault).toBeChecked();
    const clientsDefault = inspector.getByRole('checkbox', { name: 'Default TLS for clients', exact: true });
    await clientsDefault.focus();
    await clientsDefault.press('Space');
    await expect(clientsDefault).toBeChecked();
    expect((await topologyOf(page)).defaults.tls).toEqual({ clients: true, routes: false, gateways: true, leafnodes: false });

    // The preview renders it: the gateway block verifies its peers, clients get the server's certificate
    const conf = await previewOf(page, 'nats-conf/a.conf');
    expect(conf).toMatch(/gateway \{[\s\S]*tls \{[\s\S]*verify: true/);
    expect(conf).toMatch(/^tls \{\n {2}cert_file: "\/etc\/nats-certs\/tls\.crt"/m);
    expect(conf).not.toMatch(/cluster \{[^}]*tls \{/);
    expect(await previewOf(page, 'tls.yaml')).toContain('kind: Issuer');

    // Cluster b inherits the switch, then turns gateways off for itself
    await clusterNode(page, 'b').click();
    const gateways = inspector.getByRole('checkbox', { name: 'TLS for gateways', exact: true });
    await expect(gateways).toBeChecked();
    await gateways.click();
    await expect(gateways).not.toBeChecked();
    const t = await topologyOf(page);
    expect(t.clusters.find((c) => c.name === 'b')!.tls).toEqual({ gateways: false });
    const atSwitch = gateways.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]');
    await expect(atSwitch.locator('.field__msg--error')).toHaveText(
      'cluster b has gateway TLS off but its gateway peer a requires it: the gateways between them never form',
    );
    await expect(page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'TLS_GATEWAY_MISMATCH' })).toHaveCount(1);

    // Reset: it inherits the default again, and the error goes
    await atSwitch.getByRole('button', { name: 'Reset' }).click();
    await expect(gateways).toBeChecked();
    expect((await topologyOf(page)).clusters.find((c) => c.name === 'b')!.tls).toBeUndefined();
    await expect(page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'TLS_GATEWAY_MISMATCH' })).toHaveCount(0);
  });

  test("leafnode TLS on the hub alone is an error at the leaf's switch, until the leaf turns it on too", async ({ page }) => {
    // Given c2 a leaf of c1, each with its own domain
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await expect(clusterNode(page, 'c2')).toBeVisible();
    await page.keyboard.press('Escape');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await typeOver(inspector.getByLabel('JetStream domain', { exact: true }), 'hub');
    await inspector.getByRole('button', { name: 'Cluster defaults' }).click();
    await expect(inspector.getByRole('checkbox', { name: 'Default TLS for leafnodes', exact: true })).not.toBeChecked();
    await clusterNode(page, 'c2').click();
    await inspector.getByLabel('Leaf of', { exact: true }).selectOption('c1');
    await typeOver(inspector.getByLabel('JetStream domain', { exact: true }), 'edge');
    await expect.poll(async () => (await topologyOf(page)).leafnodes).toEqual([['c2', 'c1']]);

    // When the hub turns leafnode TLS on with the mouse
    await clusterNode(page, 'c1').click();
    await inspector.getByRole('checkbox', { name: 'TLS for leafnodes', exact: true }).click();
    expect((await topologyOf(page)).clusters[0].tls).toEqual({ leafnodes: true });
    expect(await previewOf(page, 'nats-conf/c1.conf')).toMatch(/leafnodes \{\n {2}port: 7422[\s\S]*tls \{[\s\S]*verify: true/);

    // Then the leaf has the error at its own switch
    await clusterNode(page, 'c2').click();
    const leafSwitch = inspector.getByRole('checkbox', { name: 'TLS for leafnodes', exact: true });
    await expect(leafSwitch).not.toBeChecked();
    const atSwitch = leafSwitch.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " field ")][1]');
    await expect(atSwitch.locator('.field__msg--error')).toHaveText(
      'cluster c2 has leafnode TLS off (from defaults) but its hub c1 uses it: the leafnode connection never forms',
    );

    // When the leaf turns it on by the keyboard, the error goes and its remote dials with TLS
    await leafSwitch.focus();
    await leafSwitch.press('Space');
    await expect(leafSwitch).toBeChecked();
    await expect(atSwitch.locator('.field__msg--error')).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: 'TLS_LEAFNODE_MISMATCH' })).toHaveCount(0);
    expect(await previewOf(page, 'nats-conf/c2.conf')).toMatch(/remotes: \[\n {4}\{ urls: [^\n]*, tls: \{ cert_file: "\/etc\/nats-certs\/tls\.crt"/);
  });
});
