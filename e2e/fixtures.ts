import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { guardPage } from './page-guard';

/**
 * Every test runs with two guards: a request to anything but 127.0.0.1 fails it (Monaco must never reach for a
 * CDN), and so does an uncaught page error.
 */
export const test = base.extend<{ guard: void }>({
  guard: [
    async ({ page }, use) => {
      const { outside, errors } = guardPage(page);
      await use();
      expect(outside, 'requests outside 127.0.0.1').toEqual([]);
      expect(errors, 'uncaught page errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The designer, freshly loaded; each test has its own browser context, so its own empty localStorage. */
export async function openDesigner(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Add cluster' })).toBeVisible();
}

export function clusterNode(page: Page, name: string): Locator {
  return page.getByRole('group', { name: `Cluster ${name}`, exact: true });
}

/** The text of the file the code view shows, read from the editor itself once it holds `path`. */
export async function previewOf(page: Page, path: string): Promise<string> {
  await page
    .getByRole('navigation', { name: 'Bundle files' })
    .getByRole('button', { name: path.split('/').pop(), exact: true })
    .click();
  const fast = { intervals: [50] };
  await expect.poll(() => page.evaluate(() => window.__designer?.previewPath()), fast).toBe(path);
  await expect.poll(() => page.evaluate(() => window.__designer?.previewText() ?? null), fast).not.toBeNull();
  return (await page.evaluate(() => window.__designer!.previewText()))!;
}

/** Drags from one cluster's right handle to another's left handle, as a user links them. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = clusterNode(page, from).locator('.react-flow__handle-right');
  const target = clusterNode(page, to).locator('.react-flow__handle-left');
  await clusterNode(page, from).hover();
  const a = (await source.boundingBox())!;
  const b = (await target.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The centre of a cluster's body, well away from its handles, once it stays put: the view glides (a quarter of a
 * second) to show a cluster just added off screen.
 */
export async function bodyOf(page: Page, name: string): Promise<Point> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = JSON.stringify(await clusterNode(page, name).boundingBox());
        const steady = now === last;
        last = now;
        return steady;
      },
      { intervals: [100] },
    )
    .toBe(true);
  const box = JSON.parse(last) as { x: number; y: number; width: number; height: number };
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags a link out of one of a cluster's handles to `to`; `whileOver` runs before the button is released. */
export async function dragLink(
  page: Page,
  from: string,
  to: Point,
  whileOver?: () => Promise<void>,
  side: 'top' | 'right' | 'bottom' | 'left' = 'right',
): Promise<void> {
  await clusterNode(page, from).hover();
  const h = (await clusterNode(page, from).locator(`.react-flow__handle-${side}`).boundingBox())!;
  const start = { x: h.x + h.width / 2, y: h.y + h.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + to.x) / 2, (start.y + to.y) / 2 + 30, { steps: 8 });
  await page.mouse.move(to.x, to.y, { steps: 8 });
  if (whileOver) await whileOver();
  await page.mouse.up();
}

/**
 * Replaces a field's text as a user does: clicks it, selects what is there and types the new text key by key (an
 * empty text deletes the selection). Never `fill`, which sets the value in one go and skips every keystroke's handler.
 */
export async function typeOver(field: Locator, text: string): Promise<void> {
  await field.click();
  await field.press('ControlOrMeta+a');
  if (text === '') await field.press('Delete');
  else await field.pressSequentially(text);
}

/** Loads a built-in template from the toolbar's Templates menu. */
export async function loadTemplate(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: title }).click();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** The autosave exactly as stored. */
export function autosaveText(page: Page): Promise<string | null> {
  return page.evaluate(() => localStorage.getItem('nats-topology-designer:v1'));
}
