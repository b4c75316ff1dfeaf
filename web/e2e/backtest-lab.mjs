#!/usr/bin/env node
// Browser end-to-end check of the backtesting lab against a running platform: a new user registers, runs the
// SMA crossover from the lab's form, watches the progress bar reach 100% and the equity chart draw, then runs a
// two-parameter optimisation and sees its heatmap.
//
//   BASE_URL=http://127.0.0.1:5100 SCREENSHOT_PATH=test-output/backtest-lab.png node e2e/backtest-lab.mjs
//
// Screenshots: <SCREENSHOT_PATH without .png>-form.png, -result.png, -optimisation.png (and .failure.png on failure).
// Prints one line starting with PASS or FAIL; exits 0 on success, 1 on any failure.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const NAME = 'backtest-lab';
const JOB_WAIT_MS = 90_000;
const STEP_TIMEOUT_MS = 60_000;
const OVERALL_TIMEOUT_MS = 480_000;

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const screenshotPath = resolve(process.env.SCREENSHOT_PATH ?? join('e2e-output', `${NAME}.png`));
const shot = (suffix) => screenshotPath.replace(/(\.png)?$/i, `-${suffix}.png`);
const failurePath = screenshotPath.replace(/(\.png)?$/i, '.failure.png');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const email = `e2e-bt-${Date.now()}-${randomBytes(4).toString('hex')}@example.test`;
const password = `E2e-${randomBytes(9).toString('base64url')}`;

let context = null;
let page = null;
let userDataDir = null;
const browserLog = [];
const progressSeen = [];

async function run() {
  if (!baseUrl) throw new Error('BASE_URL is not set (the gateway URL, e.g. http://127.0.0.1:5100).');
  await mkdir(dirname(screenshotPath), { recursive: true });
  userDataDir = await mkdtemp(join(tmpdir(), 'tradenova-e2e-'));

  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => {
    if (msg.type() === 'error') browserLog.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => browserLog.push(`page error: ${err.message}`));
  page.on('response', (res) => {
    if (res.status() >= 500) browserLog.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`);
  });

  const started = Date.now();

  // The app is behind the route guard: an anonymous visitor lands on the sign-in page.
  await page.goto(`${baseUrl}/`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();

  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill('E2E Trader');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();

  // Registration signs the user in and opens the portfolio page.
  await page.waitForURL((url) => url.pathname === '/portfolio', { timeout: STEP_TIMEOUT_MS });
  await page.getByRole('banner').getByText(email, { exact: true }).waitFor();

  // The lab, from the main navigation.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backtests' }).click();
  await page.getByRole('heading', { name: 'Backtesting lab' }).waitFor();
  const form = page.getByRole('form', { name: 'Backtest form' });
  await form.locator('select[name="strategy"]').selectOption('sma-crossover');
  await form.locator('input[name="param-fastPeriod"]').fill('10');
  await form.locator('input[name="param-slowPeriod"]').fill('30');
  await form.locator('select[name="sizingMode"]').selectOption('all-cash');
  await form.locator('input[name="riskEnabled"]').uncheck();
  await form.locator('input[name="name"]').fill('SMA 10/30 from the browser');
  await page.screenshot({ path: shot('form'), fullPage: true });
  await form.getByRole('button', { name: 'Run backtest' }).click();

  // The result page follows the job live; record what the progress bar shows until it reads 100%.
  await page.waitForURL((url) => /^\/backtests\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: STEP_TIMEOUT_MS });
  const bar = page.getByRole('progressbar');
  const deadline = Date.now() + JOB_WAIT_MS;
  for (;;) {
    const now = await bar.first().getAttribute('aria-valuenow').catch(() => null);
    if (now !== null && progressSeen[progressSeen.length - 1] !== now) progressSeen.push(now);
    if (now === '100') break;
    if (Date.now() > deadline) throw new Error(`progress never reached 100% (saw ${progressSeen.join(', ')})`);
    await page.waitForTimeout(100);
  }
  await page.getByTestId('chart-equity').locator('canvas').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await page.getByTestId('final-equity').getByText('$164,421.02', { exact: true }).waitFor();
  await page.getByTestId('assumptions').getByText(/next bar's open/).waitFor();
  await page.getByTestId('trades').waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('result'), fullPage: true });

  // A two-parameter optimisation from the same form, and its heatmap.
  await page.getByRole('link', { name: '← Backtesting lab' }).click();
  await page.getByRole('heading', { name: 'Backtesting lab' }).waitFor();
  await form.getByRole('tab', { name: 'Optimise' }).click();
  await form.locator('select[name="sizingMode"]').selectOption('all-cash');
  await form.locator('input[name="riskEnabled"]').uncheck();
  await form.locator('input[name="range-0-min"]').fill('4');
  await form.locator('input[name="range-0-max"]').fill('24');
  await form.locator('input[name="range-0-step"]').fill('4');
  await form.locator('input[name="range-1-min"]').fill('30');
  await form.locator('input[name="range-1-max"]').fill('120');
  await form.locator('input[name="range-1-step"]').fill('15');
  await form.getByRole('button', { name: 'Run optimisation' }).click();
  await page.waitForURL((url) => /^\/backtests\/[0-9a-f-]{36}$/.test(url.pathname), { timeout: STEP_TIMEOUT_MS });
  await page.getByTestId('heatmap').waitFor({ state: 'visible', timeout: JOB_WAIT_MS });
  const cells = await page.getByTestId('heatmap').locator('.bt-heatmap__cell').count();
  if (cells !== 6 * 7) throw new Error(`heatmap has ${cells} cells, expected 42`);
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot('optimisation'), fullPage: true });
  return Date.now() - started;
}

async function main() {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`gave up after ${OVERALL_TIMEOUT_MS / 1000} s`)),
      OVERALL_TIMEOUT_MS,
    );
  });
  let exitCode = 0;
  try {
    const elapsed = await Promise.race([run(), timeout]);
    console.log(
      `PASS ${NAME}: backtest progress ${progressSeen.join(' → ')}%, equity chart drawn, final equity $164,421.02, 42-cell heatmap in ${(elapsed / 1000).toFixed(1)} s; screenshots ${shot('result')}, ${shot('optimisation')}`,
    );
  } catch (error) {
    exitCode = 1;
    let saved = '';
    if (page) {
      try {
        await mkdir(dirname(failurePath), { recursive: true });
        await page.screenshot({ path: failurePath, fullPage: true, timeout: 10_000 });
        saved = `; failure screenshot ${failurePath} (at ${page.url()})`;
      } catch {
        saved = '; no failure screenshot could be taken';
      }
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`FAIL ${NAME}: ${message}${saved}`);
    if (error instanceof Error && error.stack) console.error(error.stack);
    for (const line of browserLog) console.error(line);
  } finally {
    clearTimeout(timer);
    await context?.close().catch(() => undefined);
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
  }
  process.exit(exitCode);
}

await main();
