import { clusterNode, expect, loadTemplate, openDesigner, previewOf, test, typeOver } from './fixtures';

/** Placement and the security switches, edited in the inspector key by key, reach the preview and the design. */
test.describe('placement and security in the inspector', () => {
  test('a cluster on a NodePort in another kube context advertises its address, and the lint names a peer without one', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /3-region/);
    await clusterNode(page, 'us-east').click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });

    await typeOver(inspector.getByLabel('Kube context', { exact: true }), 'prod-east');
    await inspector.getByLabel('Gateway Service', { exact: true }).selectOption('NodePort');
    // The node port field appears only for a NodePort.
    await typeOver(inspector.getByLabel('Node port', { exact: true }), '30722');
    await typeOver(inspector.getByLabel('Gateway address', { exact: true }), '203.0.113.10');

    const t = await page.evaluate(() => window.__designer!.state().topology);
    expect(t.clusters[0]).toMatchObject({ kubeContext: 'prod-east', gateway: { service: 'NodePort', address: '203.0.113.10', nodePort: 30722 } });
    const conf = await previewOf(page, 'nats-conf/us-east.conf');
    expect(conf).toContain('advertise: "203.0.113.10:30722"');
    // Its peers stay in the current context without an address: each is an error where the user can see it.
    await clusterNode(page, 'eu-west').click();
    await expect(inspector.getByText(/no gateway address: they would dial an in-cluster name/).first()).toBeVisible();
  });

  test('the security switches turn route and gateway auth on and off', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /3-region/);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    const auth = inspector.getByLabel('Route and gateway auth', { exact: true });
    await expect(auth).not.toBeChecked();

    await auth.click();
    await expect(auth).toBeChecked();
    expect(await previewOf(page, 'nats-conf/us-east.conf')).toContain('authorization { user: "route", password: $NATS_ROUTE_PASSWORD }');
    expect((await page.evaluate(() => window.__designer!.state().topology)).security).toEqual({
      serverAuth: true,
      networkPolicy: false,
      restrictedPods: false,
    });

    await auth.click();
    await expect(auth).not.toBeChecked();
    expect(await previewOf(page, 'nats-conf/us-east.conf')).not.toContain('authorization');
  });
});
