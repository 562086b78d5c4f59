import { defineConfig } from '@playwright/test';

// A port of its own per run (workers inherit it through the environment), so two runs on one
// machine never meet each other's server.
process.env.E2E_PORT ??= String(20_000 + Math.floor(Math.random() * 20_000));
const PORT = Number(process.env.E2E_PORT);

// Debian's Chromium (installed by npm test / .ci/run); Playwright downloads no browser.
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // A fresh embedded database with the demo for every run.
    command: `rm -rf .tmp-data-${PORT} && node ../apps/server/bin/wushe.mjs serve`,
    url: `http://127.0.0.1:${PORT}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      WUSHE_DATA_DIR: `.tmp-data-${PORT}`,
      WUSHE_LOG_LEVEL: 'warn',
      WUSHE_LOGIN_RATE_LIMIT: '1000',
      // The SMS test hook (public accounts): the last code the log provider sent, read by the spec.
      NODE_ENV: 'test',
      WUSHE_SMS_TEST_HOOK: '1',
      // Every spec asks for its codes from 127.0.0.1: the per-address limit is the API tests' to prove.
      WUSHE_SMS_PER_ADDRESS_HOUR: '500',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
