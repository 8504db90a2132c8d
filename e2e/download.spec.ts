import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { autosaveText, expect, loadTemplate, openDesigner, test, typeOver } from './fixtures';

/**
 * "Download bundle" saves the CLI's zip: the same topology and passwords give the same bytes in the browser and
 * from `nats-topology render --zip`, in any time zone; random passwords change secret.yaml and the Secret's name.
 */

const TYPED = { sys: 'SysPassword0001', noetl: 'NoetlPassword002' };

interface Saved {
  name: string;
  bytes: Buffer;
}

/** Runs the real CLI (the package's bin) on a topology file, in the given time zone. */
function cliZip(topologyYaml: string, opts: { passwords?: Record<string, string>; tz?: string; force?: boolean } = {}): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'ntd-e2e-'));
  try {
    const file = join(dir, 'topology.yaml');
    const out = join(dir, 'bundle.zip');
    writeFileSync(file, topologyYaml);
    const args = ['bin/nats-topology.js', 'render', file, '--zip', out];
    if (opts.passwords) {
      writeFileSync(join(dir, 'passwords.json'), JSON.stringify(opts.passwords));
      args.push('--passwords', join(dir, 'passwords.json'));
    }
    if (opts.force) args.push('--force');
    execFileSync(process.execPath, args, { env: { ...process.env, TZ: opts.tz ?? 'UTC' }, stdio: 'pipe' });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function exportTopology(page: Page): Promise<Saved> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export topology' }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** Opens the dialog, types passwords if given, and saves the bundle. */
async function downloadBundle(page: Page, typed?: Record<string, string>): Promise<Saved> {
  await page.getByRole('button', { name: 'Download bundle' }).click();
  const dialog = page.getByRole('dialog', { name: 'Download bundle' });
  await expect(dialog).toBeVisible();
  if (typed) {
    await dialog.getByRole('radio', { name: /Use my own/ }).check();
    for (const [user, pw] of Object.entries(typed)) await typeOver(dialog.getByLabel(`Password for ${user}`), pw);
  }
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Download/ }).click()]);
  await expect(dialog).toHaveCount(0);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

function files(zip: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(zip))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

/** Every file but secret.yaml, with the content-named Secret's name (which each password set changes) masked. */
function withoutSecret(f: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([path]) => !path.endsWith('/secret.yaml'))
      .map(([path, text]) => [path, text.replace(/nats-credentials-[0-9a-f]{10}/g, 'nats-credentials-<hash>')]),
  );
}

const secretName = (f: Record<string, string>) => /^ {2}name: (nats-credentials-[0-9a-f]{10})$/m.exec(f['noetl-supercluster/secret.yaml'])![1];

/** The whole check, run in the browser's time zone of the test and against the CLI in another one. */
async function checkBundle(page: Page, cliTz: string): Promise<void> {
  // Given the NoETL template, exported as the CLI's input
  await openDesigner(page);
  await loadTemplate(page, /NoETL/);
  const exported = await exportTopology(page);
  expect(exported.name).toBe('topology.yaml');
  const topologyYaml = exported.bytes.toString('utf8');
  expect(topologyYaml).toMatch(/^version: 1\nname: noetl-supercluster\n/);

  // When the bundle is downloaded with typed passwords
  const typed = await downloadBundle(page, TYPED);

  // Then it is <name>.zip, byte for byte the CLI's zip with the same passwords
  expect(typed.name).toBe('noetl-supercluster.zip');
  const cliTyped = cliZip(topologyYaml, { passwords: TYPED, tz: cliTz });
  expect(typed.bytes.equals(cliTyped), 'browser zip = CLI zip').toBe(true);
  const inside = files(typed.bytes);
  expect(Object.keys(inside).every((p) => p.startsWith('noetl-supercluster/'))).toBe(true);
  expect(Object.keys(inside)).toContain('noetl-supercluster/secret.yaml');
  expect(inside['noetl-supercluster/secret.yaml']).toContain(TYPED.noetl);
  expect(inside['noetl-supercluster/README.md']).toContain('unless you chose your own');

  // Typed passwords are kept nowhere: not in the autosave, not in the address, not in the page's state
  expect(await autosaveText(page)).not.toContain(TYPED.noetl);
  expect(page.url()).not.toContain(TYPED.noetl);
  expect(JSON.stringify(await page.evaluate(() => window.__designer!.state().topology))).not.toContain(TYPED.noetl);
  // ... and the dialog opens again with random passwords chosen and nothing typed
  await page.getByRole('button', { name: 'Download bundle' }).click();
  await expect(page.getByRole('radio', { name: /Generate strong random passwords/ })).toBeChecked();
  await page.getByRole('dialog', { name: 'Download bundle' }).getByRole('button', { name: 'Cancel' }).click();

  // When it is downloaded twice with random passwords
  const first = await downloadBundle(page);
  const second = await downloadBundle(page);

  // Then every file but secret.yaml is the CLI's but for the Secret's name, which every StatefulSet follows (new
  // passwords roll the pods), and the secrets hold fresh strong passwords each time
  const cli = files(cliZip(topologyYaml, { tz: cliTz }));
  const a = files(first.bytes);
  const b = files(second.bytes);
  expect(Object.keys(a)).toEqual(Object.keys(cli));
  expect(withoutSecret(a)).toEqual(withoutSecret(cli));
  expect(withoutSecret(b)).toEqual(withoutSecret(cli));
  const secret = a['noetl-supercluster/secret.yaml'];
  expect(secret).not.toBe(b['noetl-supercluster/secret.yaml']);
  expect(secretName(a)).not.toBe(secretName(b));
  expect(a['noetl-supercluster/clusters/a.yaml']).toContain(`name: ${secretName(a)}`);
  expect(secret).not.toContain(TYPED.noetl);
  const passwords = [...secret.matchAll(/NATS_PASSWORD_\w+: "?([A-Za-z0-9]+)"?/g)].map((m) => m[1]);
  expect(passwords).toHaveLength(2);
  for (const pw of passwords) expect(pw).toMatch(/^[A-Za-z][A-Za-z0-9]{31}$/);
}

test.describe('the bundle download', () => {
  test('gives the CLI’s zip byte for byte with typed passwords, and differs only in its Secret with random ones', async ({ page }) => {
    await checkBundle(page, 'UTC');
  });

  test('asks before saving a bundle with errors, lists them, and saves what the CLI writes with --force', async ({ page }) => {
    // Given a cluster whose JetStream memory store does not fit under its memory limit (an error)
    await openDesigner(page);
    await page.getByRole('button', { name: 'Add cluster' }).click();
    const memoryStore = page.getByLabel('Memory store', { exact: true });
    await memoryStore.click();
    await memoryStore.press('ControlOrMeta+A');
    await memoryStore.pressSequentially('3Gi');
    await expect(memoryStore).toHaveValue('3Gi');

    // When the download is asked for
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download bundle' });

    // Then the errors are listed and the button says what it does
    const errors = dialog.getByRole('group', { name: 'Errors in the design' });
    await expect(errors).toContainText('This bundle will not work');
    await expect(errors).toContainText('MEMORY_STORE_EXCEEDS_LIMIT');
    await expect(dialog.getByRole('button', { name: 'Download anyway' })).toBeVisible();
    // No account users: no passwords to choose
    await expect(dialog).toContainText('no passwords');

    // Cancel (Escape) leaves the design alone; "Download anyway" saves the bundle the CLI writes with --force
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    const yaml = readFileSync(
      await (await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export topology' }).click()]))[0].path(),
      'utf8',
    );
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download anyway' }).click()]);
    expect(download.suggestedFilename()).toBe('my-supercluster.zip');
    expect(readFileSync(await download.path()).equals(cliZip(yaml, { force: true }))).toBe(true);
  });

  test('refuses a typed password nats-server would misread, with a clear message', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download bundle' });
    await dialog.getByRole('radio', { name: /Use my own/ }).check();
    const download = dialog.getByRole('button', { name: 'Download', exact: true });

    await typeOver(dialog.getByLabel('Password for noetl'), '1password-with-digit');
    await expect(dialog.getByRole('alert')).toContainText('Must start with a letter');
    await expect(download).toBeDisabled();
    await typeOver(dialog.getByLabel('Password for noetl'), 'short1');
    await expect(dialog.getByRole('alert')).toContainText('Too short');
    await typeOver(dialog.getByLabel('Password for noetl'), 'has "quotes" in it');
    await expect(dialog.getByRole('alert')).toContainText('No spaces, quotes or #');
    await typeOver(dialog.getByLabel('Password for noetl'), 'Semi;colon;password');
    await expect(dialog.getByRole('alert')).toContainText('Only letters, digits and . _ ~ -');
    await typeOver(dialog.getByLabel('Password for noetl'), 'GoodPassword123');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await expect(download).toBeEnabled();
  });
});

test.describe('the bundle download west of UTC', () => {
  test.use({ timezoneId: 'America/Los_Angeles' });

  test('is the same zip in Los Angeles as from the CLI in Tokyo', async ({ page }) => {
    await checkBundle(page, 'Asia/Tokyo');
    // The page really ran west of UTC: zip timestamps are local time there
    expect(await page.evaluate(() => new Date(1980, 0, 1).getTimezoneOffset())).toBe(480);
  });
});

test.describe('keeping the passwords of a previous bundle', () => {
  test('a bundle chosen as the previous one gives a download with the same Secret, byte for byte', async ({ page }) => {
    // Given a bundle downloaded with random passwords
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    const first = await downloadBundle(page);

    // When the next download keeps the passwords of that zip
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download bundle' });
    await dialog.getByRole('radio', { name: /Keep the passwords of a previous bundle/ }).check();
    const download = dialog.getByRole('button', { name: 'Download', exact: true });
    await expect(download).toBeDisabled();
    await dialog
      .getByLabel('Previous bundle or its secret.yaml')
      .setInputFiles({ name: 'noetl-supercluster.zip', mimeType: 'application/zip', buffer: first.bytes });
    await expect(dialog.getByRole('status')).toHaveText('From noetl-supercluster.zip (noetl-supercluster/secret.yaml): the passwords of “sys”, “noetl”.');
    const [saved] = await Promise.all([page.waitForEvent('download'), download.click()]);

    // Then it is the same zip: same passwords, same Secret name, so applying it rolls nothing
    expect(readFileSync(await saved.path()).equals(first.bytes)).toBe(true);
  });

  test('a file that is not a bundle says why and offers no download', async ({ page }) => {
    await openDesigner(page);
    await loadTemplate(page, /NoETL/);
    await page.getByRole('button', { name: 'Download bundle' }).click();
    const dialog = page.getByRole('dialog', { name: 'Download bundle' });
    await dialog.getByRole('radio', { name: /Keep the passwords of a previous bundle/ }).check();
    await dialog
      .getByLabel('Previous bundle or its secret.yaml')
      .setInputFiles({ name: 'notes.yaml', mimeType: 'application/yaml', buffer: Buffer.from('- just\n- a list\n') });
    await expect(dialog.getByRole('alert')).toContainText('notes.yaml: must be a Secret, a secrets.env, a bundle zip, or a map of user: password');
    await expect(dialog.getByRole('button', { name: 'Download', exact: true })).toBeDisabled();
  });
});
