import { defineConfig, devices } from '@playwright/test';
import { assertProjectNode } from './scripts/runtime.mjs';

// Each test worker loads this file again: say it once, from the runner.
assertProjectNode('playwright', { quiet: process.env.TEST_WORKER_INDEX !== undefined });

/**
 * End-to-end tests against the built site (`npm run build` first; `npm test` does both).
 * Uses the system Chromium (Debian package) – never `npx playwright install`.
 */
// PW_PORT: a second checkout can run its tests beside another's without sharing a preview server.
const PORT = Number(process.env.PW_PORT ?? 4321);
const baseURL = `http://127.0.0.1:${PORT}`;
const isCI = Boolean(process.env.CI);

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  },
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: isCI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    locale: 'en-GB',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...chromium,
  },
  projects: [
    {
      name: 'desktop',
      // Tests that only make sense on one form factor are tagged, not skipped at run time.
      grepInvert: /@mobile-only/,
      use: { ...chromium, viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'mobile',
      grepInvert: /@desktop-only/,
      use: {
        ...chromium,
        viewport: { width: 375, height: 740 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: devices['Pixel 7'].userAgent,
      },
    },
  ],
  webServer: {
    command: `npm run preview -- --port ${PORT} --host 127.0.0.1`,
    // A file every build has (the home page may not exist yet while the site is being built).
    url: `${baseURL}/favicon.svg`,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
