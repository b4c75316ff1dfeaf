#!/usr/bin/env node
// Browser end-to-end check of paper trading against a running platform: a new user registers, opens the dashboard
// ($10,000 cash, hub live), buys AAPL from the order ticket (risk preview, then send), and sees the position, the
// cash change and a P&L that moves with the simulated quotes, all without a reload; cancels a bracket leg from the
// open orders panel; finds the fill in the trade history and exports it as CSV; tightens a risk limit and sees the
// server refuse a loosening past the default; lists all orders. One screenshot per step.
//
//   BASE_URL=http://127.0.0.1:5250 SCREENSHOT_DIR=test-output node e2e/trading-dashboard.mjs
//
// Environment: BASE_URL (the gateway), SCREENSHOT_DIR (trading-1-… to trading-6-….png; on failure
// trading-dashboard.failure.png), CHROMIUM_PATH (default /usr/bin/chromium).
// Prints one line starting with PASS or FAIL; exits 0 on success, 1 on any failure.
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const NAME = 'trading-dashboard';
const SYMBOL = 'AAPL';
const QUANTITY = '3';
const STEP_TIMEOUT_MS = 30_000;
const REGISTER_WAIT_MS = 60_000;
const PNL_MOVE_WAIT_MS = 45_000;
const OVERALL_TIMEOUT_MS = 270_000;

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const screenshotDir = resolve(process.env.SCREENSHOT_DIR ?? 'e2e-output');
const failurePath = join(screenshotDir, `${NAME}.failure.png`);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const email = `e2e-trading-${Date.now()}-${randomBytes(4).toString('hex')}@example.test`;
const password = `E2e-${randomBytes(9).toString('base64url')}`;

let context = null;
let page = null;
let userDataDir = null;
const browserLog = [];
const shots = [];
const notes = [];

async function shot(name) {
  const path = join(screenshotDir, name);
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
}

const text = async (testId) => ((await page.getByTestId(testId).textContent()) ?? '').trim();
const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

/** Waits until the element's text differs from `before` (a live update, not a reload). */
async function waitForChange(testId, before, timeout) {
  await page.waitForFunction(
    ([id, old]) => {
      const el = document.querySelector(`[data-testid="${id}"]`);
      return el !== null && (el.textContent ?? '').trim() !== old;
    },
    [testId, before],
    { timeout, polling: 250 },
  );
  return text(testId);
}

async function run() {
  if (!baseUrl) throw new Error('BASE_URL is not set (the gateway URL, e.g. http://127.0.0.1:5250).');
  await mkdir(screenshotDir, { recursive: true });
  userDataDir = await mkdtemp(join(tmpdir(), 'tradenova-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1366, height: 900 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => msg.type() === 'error' && browserLog.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => browserLog.push(`page error: ${err.message}`));
  page.on('response', (res) => res.status() >= 500 && browserLog.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`));
  const started = Date.now();

  await page.goto(`${baseUrl}/register`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill('E2E Trader');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/portfolio', { timeout: REGISTER_WAIT_MS });

  // 1. The dashboard of a new account, live. A marker on window proves later steps happened without a reload.
  await nav('Dashboard');
  await page.getByTestId('cash').filter({ hasText: '$10,000.00' }).waitFor({ timeout: REGISTER_WAIT_MS });
  await page.locator('[data-testid="hub-status"][data-state="live"]').waitFor();
  await page.getByTestId('risk-usage').waitFor();
  await page.getByTestId('no-positions').waitFor();
  await page.evaluate(() => { window.__tradenovaNoReload = true; });
  await shot('trading-1-dashboard-new.png');

  // 2. Buy from the ticket: risk preview first, then send.
  await nav('Trade');
  await page.getByLabel('Symbol').selectOption(SYMBOL);
  await page.getByTestId('ticket-quote').filter({ hasText: `${SYMBOL}: Bid $` }).waitFor();
  await page.getByLabel('Quantity').fill(QUANTITY);
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByTestId('risk-preview');
  await preview.filter({ hasText: 'Risk check passed' }).waitFor();
  // The preview states the size and value Risk judged, and the default bracket (5% / 10%) the fill will attach.
  const size = (await page.getByTestId('preview-size').textContent()) ?? '';
  if (!size.startsWith(`Buy ${QUANTITY} ${SYMBOL} at about $`)) throw new Error(`the preview does not state the size: ${size}`);
  const bracket = (await page.getByTestId('preview-bracket').textContent()) ?? '';
  if (!/stop-loss at \$[\d,.]+ and take-profit at \$[\d,.]+/.test(bracket))
    throw new Error(`the preview does not show the default bracket: ${bracket}`);
  await shot('trading-2-ticket-preview.png');
  await page.getByRole('button', { name: 'Send order' }).click();
  const result = (await page.getByTestId('order-result').textContent()) ?? '';
  if (/rejected/i.test(result)) throw new Error(`the order was rejected: ${result.trim()}`);

  // 3. Back on the dashboard: the position, less cash, and a P&L that moves with the quotes.
  await nav('Dashboard');
  await page.getByTestId(`position-${SYMBOL}`).waitFor({ timeout: STEP_TIMEOUT_MS });
  await page.waitForFunction(() => document.querySelector('[data-testid="cash"]')?.textContent?.trim() !== '$10,000.00');
  const cash = await text('cash');
  const pnlBefore = await text(`pnl-${SYMBOL}`);
  const pnlAfter = await waitForChange(`pnl-${SYMBOL}`, pnlBefore, PNL_MOVE_WAIT_MS);
  const money = (t) => t.match(/^-?\$[\d,]+\.\d{2}/)?.[0] ?? t;
  notes.push(`cash ${cash}, ${SYMBOL} P&L ${money(pnlBefore)} → ${money(pnlAfter)}`);
  const noReload = await page.evaluate(() => window.__tradenovaNoReload === true);
  if (!noReload) throw new Error('the page was reloaded');
  await page.locator('[data-testid="equity-chart"]').waitFor();
  // Risk's usage counts the new position too (read afresh when the dashboard mounts, not left from the first visit).
  await page.getByTestId('usage-position').filter({ hasText: SYMBOL }).waitFor({ timeout: STEP_TIMEOUT_MS });
  // The fill came while the ticket was open: the activity feed still lists it (read from the trade history on mount).
  await page.getByTestId('activity').filter({ hasText: `Bought ${QUANTITY} ${SYMBOL} @` }).waitFor({ timeout: STEP_TIMEOUT_MS });
  await shot('trading-3-dashboard-position.png');

  // 4. The opening order's bracket legs wait in the open orders panel; cancel one there.
  const openOrders = page.getByRole('table', { name: 'Open orders' });
  await openOrders.waitFor();
  const legs = await openOrders.locator('tbody tr').count();
  await openOrders.getByRole('button', { name: /^Cancel / }).first().click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('table[aria-label="Open orders"] tbody tr').length < count
      || document.querySelector('[data-testid="no-open-orders"]') !== null,
    legs,
  );
  notes.push(`open orders ${legs} → canceled one`);

  // 5. Trade history: the fill, and the CSV export through the API.
  await nav('History');
  const trades = page.getByTestId('trades-table');
  await trades.getByRole('rowheader', { name: SYMBOL }).first().waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = await readFile(await download.path(), 'utf8');
  if (!csv.includes(SYMBOL)) throw new Error(`the CSV has no ${SYMBOL} row: ${csv.slice(0, 200)}`);
  await page.getByTestId('export-done').waitFor();
  await shot('trading-4-history.png');

  // 6. Risk settings: tighten the position limit, then try to loosen it past the default.
  await nav('Risk');
  const maxPosition = page.getByTestId('limit-maxPositionFraction').getByRole('textbox');
  await maxPosition.fill('8');
  await page.getByRole('button', { name: 'Save limits' }).click();
  await page.getByTestId('limits-saved').waitFor();
  await maxPosition.fill('25');
  await page.getByRole('button', { name: 'Save limits' }).click();
  await page.getByTestId('limits-error').filter({ hasText: 'administrator' }).waitFor();
  await shot('trading-5-risk-settings.png');

  // 7. Orders: every order of the account, the filled buy and the canceled leg among them.
  await nav('Orders');
  await page.getByRole('group', { name: 'Order status' }).getByRole('button', { name: 'All' }).click();
  const all = page.getByRole('table', { name: 'Orders' });
  await all.getByText('Filled', { exact: true }).first().waitFor();
  await all.getByText('Canceled', { exact: true }).first().waitFor();
  await shot('trading-6-orders.png');

  // 8. Filtered to buys: only the market buy is left (the legs are sells).
  const orderFilters = page.getByRole('form', { name: 'Order filters' });
  await orderFilters.getByLabel('Side').selectOption('buy');
  await orderFilters.getByRole('button', { name: 'Apply' }).click();
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('table[aria-label="Orders"] tbody tr')];
    return rows.length === 1 && rows[0].querySelectorAll('td')[1]?.textContent?.trim() === 'buy';
  });
  notes.push('orders filtered to buys: 1');
  return Date.now() - started;
}

async function main() {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${OVERALL_TIMEOUT_MS / 1000} s`)), OVERALL_TIMEOUT_MS);
  });
  let exitCode = 0;
  try {
    const elapsed = await Promise.race([run(), timeout]);
    console.log(`PASS ${NAME}: ${email} in ${(elapsed / 1000).toFixed(1)} s; ${notes.join('; ')}; screenshots ${shots.join(', ')}`);
  } catch (error) {
    exitCode = 1;
    let saved = '';
    if (page) {
      try {
        await mkdir(screenshotDir, { recursive: true });
        await page.screenshot({ path: failurePath, fullPage: true, timeout: 10_000 });
        saved = `; failure screenshot ${failurePath} (at ${page.url()})`;
      } catch {
        saved = '; no failure screenshot could be taken';
      }
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    console.log(`FAIL ${NAME}: ${message}${saved}; ${notes.join('; ')}`);
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
