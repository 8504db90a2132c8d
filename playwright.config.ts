import { defineConfig, devices } from '@playwright/test';

/** The preview server's port; `E2E_PORT` moves it, so two checkouts can run their browser tests side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);
const origin = `http://127.0.0.1:${port}`;

/**
 * End-to-end tests against the production build, in Debian's Chromium (no browser download). Nothing may leave
 * 127.0.0.1: each test fails on any other request (see e2e/fixtures.ts).
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/playwright',
  // Generous: the test machine is small and shared; a cold first load of Monaco can take a while.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  // The JSON report feeds the one-line summary of `npm test` (scripts/test-all.mjs).
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? 'test-results/playwright.json' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: origin,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npm run build && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: origin,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
  },
});
