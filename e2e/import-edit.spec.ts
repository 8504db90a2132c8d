import type { Page } from '@playwright/test';
import { parseTopology, serializeTopology, templateById } from '../src/core';
import { autosaveText, clusterNode, expect, loadTemplate, openDesigner, test, typeOver } from './fixtures';

/** Import by file chooser, drop and paste; the Topology tab edits the design as YAML. */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const BROKEN = ['version: 1', 'name: demo', 'clusters:', '  - name: a', '    replicas: many', '  - name: b', '    replicass: 3', ''].join('\n');

const topologyOf = (page: Page) => page.evaluate(() => window.__designer!.state().topology);
const steps = (page: Page) => page.evaluate(() => window.__designer!.state().past.length);

/** The expected `line:column path: message` lines, from the same parser the page uses. */
function expectedErrors(text: string): string[] {
  const parsed = parseTopology(text);
  if (parsed.ok) throw new Error('expected errors');
  return parsed.errors.map((e) => `${e.line}:${e.column} ${e.path}: ${e.message}`);
}

test.describe('import and export', () => {
  test('a file with errors lists each with line and column, and changes nothing', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await expect.poll(() => autosaveText(page)).toContain('"noetl-supercluster"');
    const before = await autosaveText(page);

    // When a file with two errors is chosen
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BROKEN) });

    // Then both are listed with their line and column, and the design and its autosave are as they were
    const banner = page.getByRole('alert', { name: 'Import failed' });
    await expect(banner).toContainText('Could not import broken.yaml: 2 errors. Nothing was changed.');
    const expected = expectedErrors(BROKEN);
    expect(expected[0]).toMatch(/^5:15 clusters\[0\]\.replicas: /);
    expect(expected[1]).toMatch(/^7:5 clusters\[1\]\.replicass: /);
    for (const line of expected) await expect(banner).toContainText(line);
    await expect(clusterNode(page, 'a')).toBeVisible();
    expect(await autosaveText(page)).toBe(before);

    // A YAML syntax error has a position too
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'syntax.yaml', mimeType: 'application/yaml', buffer: Buffer.from('version: 1\nname: [unclosed\n') });
    await expect(banner).toContainText('Could not import syntax.yaml');
    await expect(banner).toContainText(/\d+:\d+ \(syntax\): /);

    // A good file replaces the design as one undo step and clears the errors
    const steps0 = await steps(page);
    const three = templateById('three-region')!.topology();
    await page.locator('input[type=file]').setInputFiles({ name: 'three.yaml', mimeType: 'application/yaml', buffer: Buffer.from(serializeTopology(three)) });
    await expect(clusterNode(page, 'us-east')).toBeVisible();
    await expect(banner).toHaveCount(0);
    expect(await topologyOf(page)).toEqual(three);
    expect(await steps(page)).toBe(steps0 + 1);
    await page.getByRole('button', { name: 'Bring back the previous design' }).click();
    await expect(clusterNode(page, 'a')).toBeVisible();
  });

  test('a file with parser and lint errors lists them all, sorted by line', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const text = ['version: 1', 'name: demo', 'clusters:', '  - name: Bad_Name', '  - name: b', '    replicas: many', 'gateways:', '  - [b, ghost]', ''].join(
      '\n',
    );
    await page.locator('input[type=file]').setInputFiles({ name: 'mixed.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text) });
    const banner = page.getByRole('alert', { name: 'Import failed' });
    await expect(banner).toContainText('Could not import mixed.yaml: 3 errors. Nothing was changed.');
    const items = banner.getByRole('listitem');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toHaveText(/^4:11 clusters\[0\]\.name: .*\(CLUSTER_NAME_INVALID\)$/);
    await expect(items.nth(1)).toHaveText(/^6:15 clusters\[1\]\.replicas: must be a whole number/);
    await expect(items.nth(2)).toHaveText(/^8:5 gateways\[0\]: .*\(GATEWAY_UNKNOWN_CLUSTER\)$/);
    await expect(clusterNode(page, 'a')).toBeVisible();

    // Without the parser's error the design is imported, and its lint errors are still listed with their lines
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'lint.yaml', mimeType: 'application/yaml', buffer: Buffer.from(text.replace('    replicas: many\n', '')) });
    const imported = page.getByRole('alert', { name: 'Import errors' });
    await expect(imported).toContainText('Imported lint.yaml with 2 errors');
    await expect(imported.getByRole('listitem').nth(1)).toHaveText(/^7:5 gateways\[0\]: /);
    await expect(clusterNode(page, 'Bad_Name')).toBeVisible();
  });

  test('a file dropped on the canvas and text pasted on it are imported; pasted clusters still paste', async ({ page }) => {
    await openDesigner(page);
    const single = templateById('single')!.topology();
    const five = templateById('five')!.topology();

    // Drop a file on the canvas
    const dataTransfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.yaml', { type: 'application/yaml' }));
      return dt;
    }, serializeTopology(single));
    await page.dispatchEvent('.canvas', 'dragover', { dataTransfer });
    await expect(page.locator('.drop-hint')).toBeVisible();
    await page.dispatchEvent('.canvas', 'drop', { dataTransfer });
    await expect(page.locator('.drop-hint')).toHaveCount(0);
    await expect.poll(() => topologyOf(page)).toEqual(single);

    // Paste a topology as JSON with Ctrl+V while the canvas has focus
    await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(five));
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+V');
    await expect.poll(() => topologyOf(page)).toEqual(five);

    // Clusters copied in the designer paste as clusters (the copy also replaced the clipboard's text)
    const name = five.clusters[0].name;
    await clusterNode(page, name).click();
    await page.keyboard.press('Control+C');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^clusters:\n/);
    await page.keyboard.press('Control+V');
    await expect(clusterNode(page, `${name}-copy`)).toBeVisible();
    expect((await topologyOf(page)).name).toBe(five.name);

    // A topology pasted into a field is the field's text, not an import
    await page.evaluate(() => navigator.clipboard.writeText('version: 1 name: pasted-into-a-field'));
    const region = page.getByLabel('Region', { exact: true });
    await typeOver(region, '');
    await region.press('Control+V');
    await expect(region).toHaveValue('version: 1 name: pasted-into-a-field');
    expect((await topologyOf(page)).name).toBe(five.name);
    expect((await topologyOf(page)).clusters.length).toBe(five.clusters.length + 1);
  });

  test('Export saves topology.yaml, which imports back to the same design', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /3-region/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export topology' }).click()]);
    expect(download.suggestedFilename()).toBe('topology.yaml');
    const parsed = parseTopology(await (await import('node:fs/promises')).readFile(await download.path(), 'utf8'));
    expect(parsed.ok && parsed.topology).toEqual(await topologyOf(page));
  });
});

test.describe('the Topology tab', () => {
  /** Puts the cursor at the end of the first line matching `re` and returns that line's text. */
  async function cursorAtEndOf(page: Page, re: RegExp): Promise<string> {
    const text = (await page.evaluate(() => window.__designer!.topologyText()))!;
    const lines = text.split('\n');
    const index = lines.findIndex((l) => re.test(l));
    expect(index, `a line matching ${re}`).toBeGreaterThanOrEqual(0);
    await page.locator('.topology-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    return lines[index];
  }

  test('typing YAML changes the canvas; an error gets markers and keeps the last design; undo takes the edit back', async ({ page }) => {
    // Given the NoETL template in the Topology tab
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await page.getByRole('tab', { name: 'Topology' }).click();
    await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toContain('name: noetl-supercluster');
    await expect(clusterNode(page, 'a')).toContainText('3 servers');
    const steps0 = await steps(page);

    // When the default replica count is typed over
    expect(await cursorAtEndOf(page, /^ {2}replicas: 3$/)).toBe('  replicas: 3');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('5');

    // Then both clusters follow, as one undo step
    await expect(clusterNode(page, 'a')).toContainText('5 servers');
    await expect(clusterNode(page, 'b')).toContainText('5 servers');
    expect(await steps(page)).toBe(steps0 + 1);
    await expect(page.locator('.code')).toHaveCount(0);

    // When the value is made invalid
    await page.keyboard.press('Backspace');
    await page.keyboard.type('five');

    // Then the error is marked in the editor and listed with its line and column; the canvas keeps the last design
    const errors = page.getByRole('alert', { name: 'Topology text errors' });
    await expect(errors).toContainText('1 error in the text');
    await expect(errors).toContainText(/\d+:\d+ defaults\.replicas: must be a whole number from 1 to 99/);
    await expect(page.locator('.topology-editor .squiggly-error')).toHaveCount(1);
    await expect(clusterNode(page, 'a')).toContainText('5 servers');
    expect(await page.evaluate(() => window.__designer!.topologyText())).toContain('  replicas: five');
    expect(await autosaveText(page)).not.toContain('five');

    // Fixing it clears the markers without a new step (it is the same design)
    for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('5');
    await expect(errors).toHaveCount(0);
    await expect(page.locator('.topology-editor .squiggly-error')).toHaveCount(0);
    expect(await steps(page)).toBe(steps0 + 1);

    // Undo (the toolbar's) takes the YAML edit back, in the canvas and the text
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(clusterNode(page, 'a')).toContainText('3 servers');
    await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toContain('\n  replicas: 3\n');
    // ... and Redo (Ctrl+Shift+Z inside the editor) brings it back
    await page.locator('.topology-editor .view-lines').click();
    await page.keyboard.press('Control+Shift+Z');
    await expect(clusterNode(page, 'a')).toContainText('5 servers');
    await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toContain('\n  replicas: 5\n');
    // ... and Ctrl+Z there is the design's undo too, once the text has been read
    await page.keyboard.press('Control+Z');
    await expect(clusterNode(page, 'a')).toContainText('3 servers');
    expect(await steps(page)).toBe(steps0);
  });

  test('edits elsewhere show up in the text; text with errors is kept until the user lets it go', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await page.getByRole('tab', { name: 'Topology' }).click();
    await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toContain('name: noetl-supercluster');

    // An inspector edit rewrites valid text
    await clusterNode(page, 'b').click();
    await typeOver(page.getByLabel('Replicas', { exact: true }), '4');
    await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toMatch(/- name: b\n(.*\n)*? {4}replicas: 4\n/);

    // Text with an error survives an edit elsewhere, and the user can let it go. (The space typed here once went to
    // the canvas, which takes Space for panning: the editor is marked `nokey` for React Flow.)
    await cursorAtEndOf(page, /^name: noetl-supercluster$/);
    await page.keyboard.type(': oops');
    const errors = page.getByRole('alert', { name: 'Topology text errors' });
    await expect(errors).toBeVisible();
    await typeOver(page.getByLabel('Replicas', { exact: true }), '5');
    await expect(clusterNode(page, 'b')).toContainText('5 servers');
    expect(await page.evaluate(() => window.__designer!.topologyText())).toContain('noetl-supercluster: oops');
    await errors.getByRole('button', { name: /show it instead of this text/ }).click();
    await expect(errors).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toBe(serializeTopology(await topologyOf(page)));

    // Back on the Bundle tab, the file previews are there as before
    await page.getByRole('tab', { name: 'Bundle' }).click();
    await expect(page.getByRole('navigation', { name: 'Bundle files' })).toBeVisible();
  });
});
