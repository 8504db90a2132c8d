import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { clusterNode, expect, loadTemplate, openDesigner, previewOf, test } from './fixtures';

/**
 * The preview as a place to read code: it fills the window and comes back, copies and downloads the file it shows,
 * finds in it with Ctrl+F, tells long file names apart, and its splitter shows and refits the canvas.
 */

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const preview = (page: Page) => page.getByRole('region', { name: 'Preview' });
const codeBox = async (page: Page) => (await page.locator('.pane--preview .code').boundingBox())!;

test.describe('the preview', () => {
  test('Maximize preview fills the window with the code, and Escape restores the layout', async ({ page }) => {
    // Given a design whose nats.conf is shown in the dock
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await previewOf(page, 'nats-conf/a.conf');
    const docked = await codeBox(page);
    expect(docked.height).toBeLessThan(400);

    // When the user maximizes it
    const maximize = page.getByRole('button', { name: 'Maximize preview' });
    await maximize.click();

    // Then the code takes (nearly) the whole 1440×900 window, and the button says it is pressed
    await expect(maximize).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await codeBox(page)).height).toBeGreaterThan(800);
    expect((await codeBox(page)).width).toBeGreaterThan(1200);

    // And Escape inside Monaco's find widget closes the widget first, the preview stays maximized
    await page.locator('.pane--preview .code .monaco-editor').click();
    await page.keyboard.press('Control+f');
    const findField = page.locator('.pane--preview .find-widget textarea').first();
    await expect(findField).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.locator('.pane--preview .find-widget.visible')).toHaveCount(0);
    await expect(maximize).toHaveAttribute('aria-pressed', 'true');

    // And a second Escape restores the layout as it was
    await page.keyboard.press('Escape');
    await expect(maximize).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => Math.round((await codeBox(page)).height)).toBe(Math.round(docked.height));
  });

  test('Copy file puts the shown file on the clipboard, Download file saves it alone', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const text = await previewOf(page, 'nats-conf/b.conf');

    await page.getByRole('button', { name: 'Copy file' }).click();
    await expect(preview(page).locator('.preview-actions__status')).toHaveText('Copied b.conf');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download file' }).click()]);
    expect(download.suggestedFilename()).toBe('b.conf');
    expect(readFileSync(await download.path(), 'utf8')).toBe(text);
  });

  test('Ctrl+F anywhere in the preview opens the find widget of the code, and finds in it', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await previewOf(page, 'nats-conf/a.conf');

    // Given the keyboard on a button of the preview, not in the editor
    await page.getByRole('button', { name: 'Download file' }).focus();
    // When the user presses Ctrl+F and types
    await page.keyboard.press('Control+f');
    const findField = page.locator('.pane--preview .find-widget textarea').first();
    await expect(findField).toBeFocused();
    await findField.pressSequentially('gateway');
    // Then the editor finds it
    await expect(page.locator('.pane--preview .find-widget .matchesCount')).toHaveText(/^1 of \d+$/);
  });

  test('long cluster names that share a beginning get file names that read differently', async ({ page }) => {
    await openDesigner(page);
    const yaml = [
      'version: 1',
      'name: long-names',
      'clusters:',
      '  - name: noetl-us-east-1-primary-region',
      '  - name: noetl-us-east-1-secondary-region',
      '  - name: noetl-us-west-2-primary-region',
      '',
    ].join('\n');
    await page.locator('input[type=file]').setInputFiles({ name: 'long.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
    await expect(clusterNode(page, 'noetl-us-west-2-primary-region')).toBeVisible();

    const list = page.getByRole('navigation', { name: 'Bundle files' });
    const names = ['noetl-us-east-1-primary-region.conf', 'noetl-us-east-1-secondary-region.conf', 'noetl-us-west-2-primary-region.conf'];
    const shown: string[] = [];
    for (const name of names) {
      // Each keeps its whole name for a screen reader and in its tooltip...
      const button = list.getByRole('button', { name, exact: true });
      await expect(button).toHaveAttribute('title', `nats-conf/${name}`);
      // ...and shows one that fits without the list's own ellipsis: cut in the middle, or whole on two lines
      const label = button.locator('.file__name');
      shown.push(await label.innerText());
      expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    }
    expect(new Set(shown).size).toBe(3);
    expect(shown.filter((s) => s.includes('…')).length).toBeGreaterThan(0);
  });

  test('the splitter can be seen and moved, and the canvas refits to the design after it moves', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const handle = page.getByRole('separator', { name: 'Resize the bottom panels' });
    // Visible without hovering: its grip is painted
    const grip = await handle.evaluate((el) => getComputedStyle(el, '::after').backgroundColor);
    expect(grip).not.toBe('rgba(0, 0, 0, 0)');
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');

    // When the dock is dragged up by 300 px
    const h = (await handle.boundingBox())!;
    await page.mouse.move(h.x + h.width / 3, h.y + h.height / 2);
    await page.mouse.down();
    await page.mouse.move(h.x + h.width / 3, h.y + h.height / 2 - 300, { steps: 10 });
    await page.mouse.up();

    // Then the view moved, and both clusters are whole inside the shorter canvas
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    const stage = (await page.locator('.stage').boundingBox())!;
    for (const name of ['a', 'b']) {
      await expect
        .poll(async () => {
          const n = (await clusterNode(page, name).boundingBox())!;
          return n.y >= stage.y && n.y + n.height <= stage.y + stage.height && n.x >= stage.x && n.x + n.width <= stage.x + stage.width;
        })
        .toBe(true);
    }

    // And the keyboard moves it too
    const height = Number(await handle.getAttribute('aria-valuenow'));
    await handle.focus();
    await page.keyboard.press('ArrowDown');
    await expect(handle).toHaveAttribute('aria-valuenow', String(height - 24));
  });
});
