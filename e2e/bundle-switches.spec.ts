import type { Page } from '@playwright/test';
import { decodeShareFragment } from '../src/core';
import { expect, loadTemplate, openDesigner, previewOf, test } from './fixtures';

/** The topology's "In the bundle" switches: monitoring (exporter sidecar and PodMonitor) and nats-box, from the keyboard. */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const topologyOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology);
const group = (page: Page) => page.getByRole('group', { name: 'In the bundle' });

test.describe('the bundle switches', () => {
  test('monitoring and nats-box are switched on from the inspector, previewed, shared and undone', async ({ page }) => {
    // Given the NoETL template, nothing selected: the inspector shows the topology
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const exporter = group(page).getByRole('checkbox', { name: 'Prometheus exporter and PodMonitor' });
    const box = group(page).getByRole('checkbox', { name: 'nats-box' });
    await expect(exporter).not.toBeChecked();
    expect(await topologyOf(page)).not.toHaveProperty('monitoring');

    // When the user turns monitoring on with the keyboard
    await exporter.focus();
    await page.keyboard.press('Space');

    // Then the design says so, and every cluster's manifest has the sidecar on 7777 and a PodMonitor
    await expect(exporter).toBeChecked();
    expect((await topologyOf(page)).monitoring).toEqual({ exporter: true });
    const manifest = await previewOf(page, 'clusters/a.yaml');
    expect(manifest).toContain('image: natsio/prometheus-nats-exporter:0.20.1');
    expect(manifest).toMatch(/- name: prom-metrics\n\s+containerPort: 7777/);
    expect(manifest).toContain('kind: PodMonitor');

    // When nats-box is turned on too
    await box.focus();
    await page.keyboard.press('Space');

    // Then the bundle has its Deployment, its password from the Secret, and the README its commands
    await expect(box).toBeChecked();
    const deployment = await previewOf(page, 'nats-box.yaml');
    expect(deployment).toContain('kind: Deployment');
    expect(deployment).toMatch(/name: NATS_PASSWORD\n\s+valueFrom:\n\s+secretKeyRef:/);
    expect(await previewOf(page, 'README.md')).toContain('kubectl exec -n nats-supercluster deploy/nats-box -- nats server check connection');

    // And a share link carries both switches (and never a password)
    await page.getByRole('button', { name: 'Share link' }).click();
    const url = await page.getByRole('dialog', { name: 'Share link' }).getByRole('textbox', { name: 'Link to this design' }).inputValue();
    await page.keyboard.press('Escape');
    const shared = decodeShareFragment(url.slice(url.indexOf('#')));
    expect(shared.ok && shared.topology.monitoring).toEqual({ exporter: true });
    expect(shared.ok && shared.topology.natsBox).toBe(true);

    // When the user undoes the last step, nats-box is off again and its file gone; monitoring stays
    await page.keyboard.press('ControlOrMeta+z');
    await expect(box).not.toBeChecked();
    expect(await topologyOf(page)).not.toHaveProperty('natsBox');
    await expect(page.getByRole('navigation', { name: 'Bundle files' }).getByRole('button', { name: 'nats-box.yaml', exact: true })).toHaveCount(0);
    await expect(exporter).toBeChecked();
  });
});
