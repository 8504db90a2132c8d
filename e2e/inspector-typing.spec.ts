import type { Locator, Page } from '@playwright/test';
import type { Topology } from '../src/core';
import { clusterNode, expect, loadTemplate, openDesigner, test } from './fixtures';

/**
 * Typing in the inspector as a person does: one key at a time (never `fill()`, which sets the value in one go and
 * hid a Name field that lost focus after its first key), with keys the canvas binds as shortcuts in between.
 */

type Key = string | number;

interface Case {
  /** The field's label. */
  label: string;
  /** What ends up typed. */
  value: string;
  /** Where it lands in the topology, and as what. */
  path: Key[];
  expected: unknown;
}

const topologyOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology);
const state = (page: Page) =>
  page.evaluate(() => {
    const s = window.__designer!.state();
    return { steps: s.past.length, selection: s.selection };
  });

/**
 * Keys bound on the canvas (src/ui/commands/registry.ts), pressed where the focus is and erased again: n adds a
 * cluster, t tidies, ? opens the shortcuts, Shift+O / Shift+G / Shift+1 lay out or fit, Ctrl+D duplicates,
 * Escape clears the selection, Backspace and Delete delete it, Ctrl+A selects every cluster.
 */
async function typeLikeAPerson(page: Page, field: Locator, value: string): Promise<void> {
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await field.pressSequentially('nt?');
  for (const key of ['Shift+O', 'Shift+G', 'Shift+Digit1', 'ControlOrMeta+D', 'Escape']) await page.keyboard.press(key);
  // "nt?OG!" is in the field now: erase it key by key, then Delete at the end of an empty field.
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace');
  await page.keyboard.press('Delete');
  await field.pressSequentially(value);
}

function setIn(t: Topology, path: Key[], value: unknown): Topology {
  const copy = structuredClone(t) as unknown as Record<Key, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = (cur[k] ??= {}) as Record<Key, unknown>;
  cur[path[path.length - 1]] = value;
  return copy as unknown as Topology;
}

/** Types each case's value into its field and checks that exactly that key changed, as one undo step. */
async function typeEachField(page: Page, inspector: Locator, cases: Case[], expectFor: (before: Topology, c: Case) => Topology): Promise<void> {
  for (const c of cases) {
    await test.step(c.label, async () => {
      const before = await topologyOf(page);
      const { steps, selection } = await state(page);
      const field = inspector.getByLabel(c.label, { exact: true });

      await typeLikeAPerson(page, field, c.value);

      await expect(field).toHaveValue(c.value);
      await expect(field).toBeFocused();
      expect(await topologyOf(page)).toEqual(expectFor(before, c));
      // One visit of a field is one undo step, and the selection is as it was.
      expect(await state(page)).toEqual({ steps: steps + 1, selection });
    });
  }
}

test.describe('typing in the inspector', () => {
  test('every text field of the cluster form keeps its focus and changes only its own key', async ({ page }) => {
    // A person's typing in each of the form's fields, one after another: one field of the table adds a few seconds.
    test.slow();
    await openDesigner(page);
    await loadTemplate(page, /3-region/);
    await clusterNode(page, 'us-east').click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await expect(inspector.getByLabel('Name', { exact: true })).toHaveValue('us-east');

    const cases: Case[] = [
      { label: 'Region', value: 'north-east-1', path: ['clusters', 0, 'region'], expected: 'north-east-1' },
      { label: 'Zone', value: 'north-east-1a', path: ['clusters', 0, 'zone'], expected: 'north-east-1a' },
      { label: 'Kube context', value: 'prod-east', path: ['clusters', 0, 'kubeContext'], expected: 'prod-east' },
      {
        label: 'Gateway address',
        value: 'nats-east.example.com',
        path: ['clusters', 0, 'gateway'],
        expected: { service: 'LoadBalancer', address: 'nats-east.example.com', nodePort: null },
      },
      { label: 'Replicas', value: '5', path: ['clusters', 0, 'replicas'], expected: 5 },
      { label: 'Max payload', value: '8Mi', path: ['clusters', 0, 'maxPayload'], expected: '8Mi' },
      { label: 'CPU request', value: '300m', path: ['clusters', 0, 'resources', 'requests', 'cpu'], expected: '300m' },
      { label: 'CPU limit', value: '2', path: ['clusters', 0, 'resources', 'limits', 'cpu'], expected: '2' },
      { label: 'Memory request', value: '768Mi', path: ['clusters', 0, 'resources', 'requests', 'memory'], expected: '768Mi' },
      { label: 'Memory limit', value: '3Gi', path: ['clusters', 0, 'resources', 'limits', 'memory'], expected: '3Gi' },
      { label: 'Memory store', value: '2Gi', path: ['clusters', 0, 'jetstream', 'memoryStore'], expected: '2Gi' },
      { label: 'File store', value: '8Gi', path: ['clusters', 0, 'jetstream', 'fileStore'], expected: '8Gi' },
      { label: 'Volume size', value: '10Gi', path: ['clusters', 0, 'jetstream', 'volumeSize'], expected: '10Gi' },
      { label: 'Storage class', value: 'fast-nvme', path: ['clusters', 0, 'jetstream', 'storageClass'], expected: 'fast-nvme' },
      { label: 'JetStream domain', value: 'edge-east', path: ['clusters', 0, 'domain'], expected: 'edge-east' },
      // Last: the name is the cluster's gateway name, so its links follow it.
      { label: 'Name', value: 'north', path: ['clusters', 0, 'name'], expected: 'north' },
    ];
    // Every text field of the form is here, so a new one cannot go untested.
    const labels = await inspector.locator('input[type="text"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? '?'));
    expect(labels.sort()).toEqual(cases.map((c) => c.label).sort());

    await typeEachField(page, inspector, cases, (before, c) => {
      const next = setIn(before, c.path, c.expected);
      if (c.label !== 'Name') return next;
      const old = before.clusters[0].name;
      return { ...next, gateways: before.gateways.map(([a, b]) => [a === old ? c.value : a, b === old ? c.value : b] as [string, string]) };
    });

    // The renamed cluster is still one node with its three links, and the form still shows it
    await expect(clusterNode(page, 'north')).toBeVisible();
    await expect(page.locator('.react-flow__node')).toHaveCount(3);
    await expect(page.locator('.gateway-link')).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Gateway north to eu-west', exact: true })).toBeVisible();
  });

  test('every text field of the topology form keeps its focus and changes only its own key', async ({ page }) => {
    // A person's typing in each of the form's fields, one after another: one field of the table adds a few seconds.
    test.slow();
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'Cluster defaults' }).click();

    const cases: Case[] = [
      { label: 'Name', value: 'north-star', path: ['name'], expected: 'north-star' },
      { label: 'Namespace', value: 'north-ns', path: ['namespace'], expected: 'north-ns' },
      { label: 'Cluster DNS domain', value: 'north.example', path: ['clusterDomain'], expected: 'north.example' },
      { label: 'Image', value: 'nats:2.14.1-alpine', path: ['image'], expected: 'nats:2.14.1-alpine' },
      { label: 'JetStream domain', value: 'hub-north', path: ['jetstream', 'domain'], expected: 'hub-north' },
      { label: 'Account name', value: 'NORTH', path: ['accounts', 0, 'name'], expected: 'NORTH' },
      { label: 'Users', value: 'nate, tina', path: ['accounts', 0, 'users'], expected: ['nate', 'tina'] },
      { label: 'Default replicas', value: '5', path: ['defaults', 'replicas'], expected: 5 },
      { label: 'Default max payload', value: '2Mi', path: ['defaults', 'maxPayload'], expected: '2Mi' },
      { label: 'Default CPU request', value: '300m', path: ['defaults', 'resources', 'requests', 'cpu'], expected: '300m' },
      { label: 'Default CPU limit', value: '2', path: ['defaults', 'resources', 'limits', 'cpu'], expected: '2' },
      { label: 'Default RAM request', value: '768Mi', path: ['defaults', 'resources', 'requests', 'memory'], expected: '768Mi' },
      { label: 'Default RAM limit', value: '3Gi', path: ['defaults', 'resources', 'limits', 'memory'], expected: '3Gi' },
      { label: 'Default JetStream RAM store', value: '2Gi', path: ['defaults', 'jetstream', 'memoryStore'], expected: '2Gi' },
      { label: 'Default file store', value: '8Gi', path: ['defaults', 'jetstream', 'fileStore'], expected: '8Gi' },
      { label: 'Default volume size', value: '10Gi', path: ['defaults', 'jetstream', 'volumeSize'], expected: '10Gi' },
      { label: 'Default storage class', value: 'fast-nvme', path: ['defaults', 'jetstream', 'storageClass'], expected: 'fast-nvme' },
      { label: 'CPUs', value: '6', path: ['kind', 'cpus'], expected: 6 },
      { label: 'Memory', value: '12Gi', path: ['kind', 'memory'], expected: '12Gi' },
      { label: 'Disk', value: '80Gi', path: ['kind', 'disk'], expected: '80Gi' },
      { label: 'Workers', value: '1', path: ['kind', 'workers'], expected: 1 },
      { label: 'Workload', value: 'north-app', path: ['kind', 'otherWorkloads', 0, 'name'], expected: 'north-app' },
      { label: 'Pods', value: '2', path: ['kind', 'otherWorkloads', 0, 'replicas'], expected: 2 },
      { label: 'Req. CPU', value: '500m', path: ['kind', 'otherWorkloads', 0, 'requests', 'cpu'], expected: '500m' },
      { label: 'Req. RAM', value: '256Mi', path: ['kind', 'otherWorkloads', 0, 'requests', 'memory'], expected: '256Mi' },
      { label: 'Lim. CPU', value: '1', path: ['kind', 'otherWorkloads', 0, 'limits', 'cpu'], expected: '1' },
      { label: 'Lim. RAM', value: '1Gi', path: ['kind', 'otherWorkloads', 0, 'limits', 'memory'], expected: '1Gi' },
    ];
    const labels = await inspector.locator('input[type="text"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? '?'));
    expect(labels.sort()).toEqual(cases.map((c) => c.label).sort());

    await typeEachField(page, inspector, cases, (before, c) => setIn(before, c.path, c.expected));
    await expect(page.locator('.react-flow__node')).toHaveCount(2);
  });

  test('typing on after a name renames the cluster and its links, as one undo step, and Backspace stays in the field', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /3-region/);
    await clusterNode(page, 'us-east').click();
    const name = page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Name', { exact: true });
    const { steps } = await state(page);

    await name.click();
    await page.keyboard.press('End');
    await name.pressSequentially('-eastern');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');

    await expect(name).toHaveValue('us-east-easte');
    await expect(name).toBeFocused();
    const t = await topologyOf(page);
    expect(t.clusters.map((c) => c.name)).toEqual(['us-east-easte', 'eu-west', 'ap-south']);
    expect(t.gateways).toEqual([
      ['us-east-easte', 'eu-west'],
      ['us-east-easte', 'ap-south'],
      ['eu-west', 'ap-south'],
    ]);
    await expect(page.locator('.gateway-link')).toHaveCount(3);

    // The whole visit is one step: one undo brings back the old name with its links
    await name.blur();
    expect((await state(page)).steps).toBe(steps + 1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(name).toHaveValue('us-east');
    await expect(page.getByRole('button', { name: 'Gateway us-east to eu-west', exact: true })).toBeVisible();
    await expect(clusterNode(page, 'us-east')).toHaveClass(/selected/);
  });

  test('keys in a select, the code editors, a textarea or contenteditable never reach the canvas', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    await clusterNode(page, 'a').click();
    const before = await topologyOf(page);
    const { selection } = await state(page);
    const keys = ['n', 't', 'Shift+O', 'Shift+G', 'Escape', 'Delete', 'Backspace'];

    // The "Link to…" select: keys move through its options, and nothing else happens
    await page.getByLabel('Link to another cluster').focus();
    for (const key of keys) await page.keyboard.press(key);

    // The bundle preview (read-only) and the Topology tab's editor (a comment, typed and erased)
    await page.locator('.code .view-lines').click({ position: { x: 30, y: 10 } });
    for (const key of keys) await page.keyboard.press(key);
    await page.getByRole('tab', { name: 'Topology' }).click();
    await page.locator('.topology-editor .view-lines').click({ position: { x: 30, y: 10 } });
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('# nt');
    for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');

    // A textarea and contenteditable elsewhere on the page (an extension, a future dialog)
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.id = 'probe-area';
      const editable = document.createElement('div');
      editable.setAttribute('contenteditable', 'plaintext-only');
      editable.innerHTML = '<span id="probe-editable">x</span>';
      document.body.append(area, editable);
    });
    for (const probe of ['#probe-area', '#probe-editable']) {
      await page.locator(probe).click();
      for (const key of keys) await page.keyboard.press(key);
    }

    expect(await topologyOf(page)).toEqual(before);
    expect((await state(page)).selection).toEqual(selection);
  });
});
