// End-to-end suite: real Chromium against both apps and the local stack's test profile.
// No retries: a flaky test is a bug to fix, not to hide.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { e2eEnv } from './support/env.ts';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  testDir: here('tests'),
  outputDir: here('test-results'),
  globalSetup: here('support/global-setup.ts'),
  retries: 0,
  workers: 2,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: here('playwright-report') }]]
    : [['list']],
  use: {
    browserName: 'chromium',
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The data layer against the API alone; no browser page is opened.
    { name: 'api', testDir: here('tests/api') },
    { name: 'booking', testDir: here('tests/booking'), use: { baseURL: e2eEnv.bookingUrl } },
    { name: 'practitioner', testDir: here('tests/practitioner'), use: { baseURL: e2eEnv.practitionerUrl } },
  ],
});
