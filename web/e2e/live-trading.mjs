#!/usr/bin/env node
// Browser end-to-end check of live trading against a running platform whose Execution talks to a loopback Alpaca.
//
// PART=broker (default): a new user registers, connects Alpaca keys on the broker page (verified by the loopback
// Alpaca), sees "connected" with the masked key id and the account number and never the secret, switches the account
// to live on the dashboard (confirmed; the header and the ticket say LIVE) and back to paper.
// PART=strategy: a new user starts an SMA 1/2 crossover on paper with 5-second bars on the strategies page and sees its
// signals and orders appear, one filled, and its P&L move, then stops it.
//
//   BASE_URL=http://127.0.0.1:5250 ALPACA_KEY_ID=PK... ALPACA_SECRET=... SCREENSHOT_DIR=test-output node e2e/live-trading.mjs
//
// Environment: BASE_URL (the gateway), PART, ALPACA_KEY_ID / ALPACA_SECRET (keys the loopback Alpaca knows; PART=broker),
// ALPACA_ACCOUNT (the account number it answers), SCREENSHOT_DIR (live-… .png; on failure live-<part>.failure.png),
// CHROMIUM_PATH (default /usr/bin/chromium). Prints one line starting with PASS or FAIL; exits 0 on success, 1 on failure.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const PART = process.env.PART ?? 'broker';
const NAME = `live-${PART}`;
const SYMBOL = 'AAPL';
const STEP_TIMEOUT_MS = 30_000;
const REGISTER_WAIT_MS = 60_000;
const STRATEGY_ORDER_WAIT_MS = 90_000;
const PNL_MOVE_WAIT_MS = 45_000;
const OVERALL_TIMEOUT_MS = 270_000;

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const screenshotDir = resolve(process.env.SCREENSHOT_DIR ?? 'e2e-output');
const failurePath = join(screenshotDir, `${NAME}.failure.png`);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const keyId = process.env.ALPACA_KEY_ID ?? '';
const secret = process.env.ALPACA_SECRET ?? '';
const accountNumber = process.env.ALPACA_ACCOUNT ?? '';

const email = `e2e-${NAME}-${Date.now()}-${randomBytes(4).toString('hex')}@example.test`;
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

const text = async (testId) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
const headerBadge = () => page.locator('header.topbar [data-testid="account-badge"]');

async function register() {
  await page.goto(`${baseUrl}/register`, { waitUntil: 'domcontentloaded' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill('E2E Live Trader');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/portfolio', { timeout: REGISTER_WAIT_MS });
  // Execution opens the trading account from UserRegistered; the header shows PAPER once it has.
  await page.locator('header.topbar [data-testid="account-badge"][data-mode="paper"]').waitFor({ timeout: REGISTER_WAIT_MS });
}

async function brokerPart() {
  if (!keyId || !secret) throw new Error('ALPACA_KEY_ID and ALPACA_SECRET must be set (keys the loopback Alpaca knows).');
  const masked = keyId.length <= 8 ? '•'.repeat(keyId.length) : `${keyId.slice(0, 2)}••••${keyId.slice(-4)}`;

  // 1. Connect the keys on the broker page (Alpaca paper environment).
  await nav('Broker');
  await page.locator('[data-testid="broker-status"][data-state="disconnected"]').waitFor();
  const secretInput = page.getByLabel('Secret key');
  if ((await secretInput.getAttribute('type')) !== 'password') throw new Error('the secret input is not a password field');
  if ((await secretInput.getAttribute('autocomplete')) !== 'off') throw new Error('the secret input lets the browser remember it');
  await page.getByLabel(/^Paper/).check();
  await page.getByLabel('Key ID').fill(keyId);
  await secretInput.fill(secret);
  await page.getByRole('button', { name: 'Verify and connect' }).click();
  await page.locator('[data-testid="broker-status"][data-state="connected"]').waitFor();
  const shownKey = await text('broker-key-id');
  if (shownKey !== masked) throw new Error(`the key id shows as "${shownKey}", expected "${masked}"`);
  if ((await text('broker-connected')) !== 'Connected') throw new Error('no "Connected"');
  if (accountNumber && (await text('broker-account-number')) !== accountNumber) throw new Error('not the Alpaca account number');
  if ((await secretInput.inputValue()) !== '') throw new Error('the secret stays in the form after saving');
  if ((await page.content()).includes(secret)) throw new Error('the secret is in the page');
  notes.push(`connected ${shownKey} ${await text('broker-account-number')}`);
  await shot('live-1-broker-connected.png');

  // The connection is the server's: a reload shows the same masked key.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.getByTestId('broker-key-id').filter({ hasText: masked }).waitFor();

  // 2. Switch the account to live on the dashboard: confirmed first, then LIVE in the header and on the switch.
  await nav('Dashboard');
  const accountSwitch = page.getByTestId('account-switch');
  await accountSwitch.waitFor({ timeout: REGISTER_WAIT_MS });
  await accountSwitch.getByRole('button', { name: 'Live', exact: true }).click();
  const confirm = page.getByTestId('go-live-confirm');
  await confirm.waitFor();
  if (accountNumber && !((await confirm.textContent()) ?? '').includes(accountNumber)) throw new Error('the confirmation does not name the Alpaca account');
  await confirm.getByRole('button', { name: 'Switch to live' }).click();
  await page.locator('header.topbar [data-testid="account-badge"][data-mode="live"]').waitFor();
  if ((await headerBadge().textContent())?.trim() !== 'LIVE') throw new Error('the header badge does not say LIVE');
  await shot('live-2-dashboard-live.png');

  // 3. The order ticket says so too, and its send button is a live one.
  await nav('Trade');
  await page.locator('[data-testid="ticket-account-badge"][data-mode="live"]').waitFor();
  await page.getByLabel('Symbol').selectOption(SYMBOL);
  await page.getByLabel('Quantity').fill('1');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('button', { name: 'Send live order' }).waitFor();
  await shot('live-3-ticket-live.png');

  // 4. Back to paper: one click, no confirmation.
  await nav('Dashboard');
  await page.getByTestId('account-switch').getByRole('button', { name: 'Paper', exact: true }).click();
  await page.locator('header.topbar [data-testid="account-badge"][data-mode="paper"]').waitFor();
  await nav('Trade');
  await page.locator('[data-testid="ticket-account-badge"][data-mode="paper"]').waitFor();
  await shot('live-4-back-to-paper.png');
  notes.push('account paper → live → paper');
}

async function strategyPart() {
  // 5. Start an SMA 1/2 crossover on paper with 5-second bars: it trades on every turn of the price, so its orders come
  // within seconds (and a first one refused while a cold Risk warms up on a loaded machine is followed by others).
  await nav('Strategies');
  const form = page.getByRole('form', { name: 'Start a strategy' });
  await form.waitFor();
  await form.locator('select[name="strategy"]').selectOption('sma-crossover');
  await form.locator('input[name="param-symbol"]').fill(SYMBOL);
  await form.locator('input[name="param-fastPeriod"]').fill('1');
  await form.locator('input[name="param-slowPeriod"]').fill('2');
  await form.locator('input[name="allocation"]').fill('900');
  await form.locator('select[name="barSeconds"]').selectOption({ label: '5 seconds' });
  await form.getByRole('button', { name: 'Start on paper' }).click();
  await page.waitForURL((url) => /^\/strategies\/[^/]+$/.test(url.pathname));
  await page.getByTestId('run-details').waitFor();
  await page.getByTestId('run-details-status').filter({ hasText: 'Running' }).waitFor();

  // 6. Its signals and orders appear without a reload, a filled one among them, and its P&L moves with it.
  await page.evaluate(() => { window.__tradenovaNoReload = true; });
  const orders = page.getByRole('table', { name: 'Strategy orders' });
  await orders.getByRole('rowheader', { name: SYMBOL }).first().waitFor({ timeout: STRATEGY_ORDER_WAIT_MS });
  await page.getByRole('table', { name: 'Strategy signals' }).waitFor();
  await orders.locator('.status--filled').first().waitFor({ timeout: STRATEGY_ORDER_WAIT_MS });
  const pnl = async () => `net ${await text('run-pnl-net')}, realized ${await text('run-pnl-realized')}, unrealized ${await text('run-pnl-unrealized')}`;
  const pnlBefore = await pnl();
  try {
    await page.waitForFunction(
      () => ['run-pnl-realized', 'run-pnl-unrealized'].some((id) => !['$0.00', '—'].includes((document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim())),
      undefined,
      { timeout: PNL_MOVE_WAIT_MS, polling: 500 },
    );
  } catch {
    throw new Error(`the strategy's P&L stayed at zero for ${PNL_MOVE_WAIT_MS / 1000} s after a fill (${pnlBefore})`);
  }
  if (!(await page.evaluate(() => window.__tradenovaNoReload === true))) throw new Error('the page was reloaded');
  const runRow = page.getByRole('table', { name: 'Strategy runs' }).locator('tbody tr').first();
  const filled = await orders.locator('.status--filled').count();
  notes.push(`strategy ${await pnl()} (at the first fill: ${pnlBefore}); ${filled} filled order(s); run row "${((await runRow.textContent()) ?? '').trim()}"`);
  await shot('live-5-strategy-orders-pnl.png');

  // 7. Stop it.
  await page.getByRole('button', { name: 'Stop strategy' }).click();
  await page.getByTestId('run-details-status').filter({ hasText: 'Stopped by you' }).waitFor();
  await shot('live-6-strategy-stopped.png');
}

async function run() {
  if (!baseUrl) throw new Error('BASE_URL is not set (the gateway URL, e.g. http://127.0.0.1:5250).');
  await mkdir(screenshotDir, { recursive: true });
  userDataDir = await mkdtemp(join(tmpdir(), 'tradenova-e2e-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (msg) => msg.type() === 'error' && browserLog.push(`console: ${msg.text()}`));
  page.on('pageerror', (err) => browserLog.push(`page error: ${err.message}`));
  page.on('response', (res) => res.status() >= 500 && browserLog.push(`HTTP ${res.status()} ${res.request().method()} ${res.url()}`));
  const started = Date.now();
  await register();
  if (PART === 'broker') await brokerPart();
  else if (PART === 'strategy') await strategyPart();
  else throw new Error(`unknown PART ${PART}`);
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
