import type { Page } from '@playwright/test';
import { bodyOf, clusterNode, dragLink, expect, loadTemplate, openDesigner, test, typeOver } from './fixtures';

/**
 * The light and dark themes, checked by what can be measured the same way on every run: which theme is in effect,
 * and the contrast of every piece of text on the page against what is painted under it (WCAG's formula), in each
 * state the designer shows. (These replace screenshots that nothing compared.)
 */

/** WCAG's least contrast for text a person must read: 3:1 is its floor for large text and for controls. */
const FLOOR = 3;

/**
 * Text that is meant to fade: the theme's `--faint` colour (zero counts, where a problem points, hints of hints),
 * the code view's line numbers (Monaco's gutter) and React Flow's attribution.
 */
const MEANT_TO_FADE = ['.monaco-editor .line-numbers', '.react-flow__attribution'];

/** Every visible piece of text below the floor, described; the page's own colours, read from computed styles. */
function illegibleText(page: Page): Promise<string[]> {
  return page.evaluate(
    ([floor, fade]) => {
      type RGBA = [number, number, number, number];
      const parse = (c: string): RGBA | null => {
        let m = c.match(/^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/);
        if (m) return [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]];
        m = c.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)$/);
        if (m) return [+m[1] * 255, +m[2] * 255, +m[3] * 255, m[4] === undefined ? 1 : +m[4]];
        return null;
      };
      // `top` painted over `bottom`.
      const over = (top: RGBA, bottom: RGBA): RGBA => {
        const a = top[3] + bottom[3] * (1 - top[3]);
        if (a === 0) return [0, 0, 0, 0];
        const mix = (i: number) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
      };
      const luminance = ([r, g, b]: RGBA) => {
        const f = (v: number) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const faint = parse(
        getComputedStyle(document.body)
          .getPropertyValue('--faint')
          .trim()
          .replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)})`),
      );
      const same = (a: RGBA | null, b: RGBA | null) => a !== null && b !== null && a.every((x, i) => Math.abs(x - b[i]) < 0.5);
      const found: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent!.trim())
          .join('');
        if (!text || el.closest('.visually-hidden') || fade.some((s) => el.closest(s))) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (box.width === 0 || box.height === 0 || style.visibility !== 'visible') continue;
        const color = parse(style.color);
        if (color === null || same(color, faint)) continue;
        // What is painted under the text: the element's and its ancestors' backgrounds, down to the first opaque one.
        // A faded ancestor (a disabled control) or a background image is not for this check.
        const layers: RGBA[] = [];
        let measurable = true;
        for (let a: Element | null = el; a; a = a.parentElement) {
          const s = getComputedStyle(a);
          const bg = parse(s.backgroundColor);
          if (+s.opacity < 1 || s.backgroundImage !== 'none' || bg === null) measurable = false;
          if (bg && bg[3] > 0) {
            layers.push(bg);
            if (bg[3] === 1) break;
          }
        }
        if (!measurable) continue;
        const under = layers.reverse().reduce<RGBA>((acc, l) => over(l, acc), [255, 255, 255, 1]);
        const [hi, lo] = [luminance(over(color, under)), luminance(under)].sort((x, y) => y - x);
        const ratio = (hi + 0.05) / (lo + 0.05);
        if (ratio < floor) found.push(`${ratio.toFixed(2)}:1 ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${text.slice(0, 40)}"`);
      }
      return found;
    },
    [FLOOR, MEANT_TO_FADE] as const,
  );
}

/** Checks the page as it is now in both themes, following the system's. */
async function legibleInBothThemes(page: Page, what: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    // Colours glide from one theme to the other: measure once they have arrived.
    await expect
      .poll(() => page.evaluate(() => document.getAnimations().filter((a) => a instanceof CSSTransition && a.playState === 'running').length))
      .toBe(0);
    expect(await illegibleText(page), `text below ${FLOOR}:1 in the ${scheme} theme: ${what}`).toEqual([]);
  }
}

test('the theme follows the system until one is chosen, and the choice outlives a reload but not the design', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openDesigner(page);
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');

  // The button cycles system → light → dark → system
  await page.getByRole('button', { name: 'Theme: system' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.getByRole('button', { name: 'Theme: light' }).click();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(html).toHaveAttribute('data-theme', 'dark');

  // A chosen theme is kept apart from the design: undo leaves it, a reload keeps it
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Theme: dark' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Theme: dark' })).toBeVisible();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Theme: dark' }).click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await expect(page.getByRole('button', { name: 'Theme: system' })).toBeVisible();
});

test('every text is legible in both themes: the designer, its dialogs, banners and the Topology tab', async ({ page }) => {
  await openDesigner(page);
  await legibleInBothThemes(page, 'the empty designer');

  // A template with problems, a notice, a selected cluster whose field has a warning
  await loadTemplate(page, /NoETL/);
  await expect(page.getByRole('status')).toContainText('Loaded');
  await clusterNode(page, 'a').click();
  await typeOver(page.getByLabel('Replicas', { exact: true }), '4');
  await expect(page.locator('.field__msg--warning').first()).toBeVisible();
  await expect(page.locator('.code .view-lines')).toContainText('gateway');
  await legibleInBothThemes(page, 'a design with problems, a notice and the cluster form');

  // The download dialog: typed passwords, one refused
  await page.getByRole('button', { name: 'Download bundle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download bundle' });
  await dialog.getByRole('radio', { name: /Use my own/ }).check();
  await typeOver(dialog.getByLabel('Password for sys'), 'CorrectHorseBattery9');
  await typeOver(dialog.getByLabel('Password for noetl'), '9lives');
  await expect(dialog.getByRole('alert')).toBeVisible();
  await legibleInBothThemes(page, 'the download dialog with a refused password');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A design with errors: the dialog lists them
  await typeOver(page.getByLabel('Name', { exact: true }), 'Not_A_Name');
  await page.getByRole('button', { name: 'Download bundle' }).click();
  await expect(dialog.getByRole('group', { name: 'Errors in the design' })).toBeVisible();
  await legibleInBothThemes(page, 'the download dialog listing errors');
  await page.keyboard.press('Escape');

  // The share popover
  await page.getByRole('button', { name: 'Share link' }).click();
  await expect(page.getByRole('dialog', { name: 'Share link' })).toContainText('characters');
  await legibleInBothThemes(page, 'the share popover');
  await page.keyboard.press('Escape');

  // The Topology tab with an error, and an import that failed
  await page.getByRole('tab', { name: 'Topology' }).click();
  await expect.poll(() => page.evaluate(() => window.__designer!.topologyText())).toContain('replicas: 3');
  await page.locator('.topology-editor .view-lines').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nnot-a-key: 1');
  await expect(page.getByRole('alert', { name: 'Topology text errors' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('version: 1\nname: demo\nclusters:\n  - name: a\n    replicas: many\n'),
  });
  await expect(page.getByRole('alert', { name: 'Import failed' })).toBeVisible();
  await legibleInBothThemes(page, 'the Topology tab with errors and a failed import');
});

test('a link dragged onto a cluster says whether it would link, legibly in both themes', async ({ page }) => {
  await openDesigner(page);
  await page.getByRole('button', { name: 'Add cluster' }).click();
  await page.getByRole('button', { name: 'Add cluster' }).click();
  const card = clusterNode(page, 'c2').locator('.cluster-node');

  await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
    await expect(card).toHaveClass(/is-drop-target/);
    await expect(card).toContainText('Drop to link');
    await legibleInBothThemes(page, 'a link about to land on a cluster');
  });
  await dragLink(page, 'c1', await bodyOf(page, 'c2'), async () => {
    await expect(card).toHaveClass(/is-drop-refused/);
    await expect(card).toContainText('Already linked');
    await legibleInBothThemes(page, 'a link refused by a cluster it already joins');
  });
  await expect(page.getByRole('status')).toContainText('already linked');
  await legibleInBothThemes(page, 'the notice saying why');
});
