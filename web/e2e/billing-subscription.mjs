#!/usr/bin/env node
// Browser end-to-end check of the subscription page against a running platform with the local billing provider:
// a new user registers, opens Billing and sees the free trial; subscribes (activated at once, first invoice listed);
// cancels (access until the period ends, resume offered). One screenshot per step.
//
//   BASE_URL=http://127.0.0.1:5100 SCREENSHOT_DIR=test-output node e2e/billing-subscription.mjs
//
// Environment: BASE_URL (the gateway), SCREENSHOT_DIR (billing-1-trial.png, billing-2-active.png,
// billing-3-canceled.png; on failure billing-subscription.failure.png), CHROMIUM_PATH (default /usr/bin/chromium).
// Prints one line starting with PASS or FAIL; exits 0 on success, 1 on any failure.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const NAME = 'billing-subscription';
const BILLING_WAIT_MS = 30_000;
const STEP_TIMEOUT_MS = 30_000;
const REGISTER_WAIT_MS = 60_000;
const OVERALL_TIMEOUT_MS = 240_000;

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const screenshotDir = resolve(process.env.SCREENSHOT_DIR ?? 'e2e-output');
const failurePath = join(screenshotDir, `${NAME}.failure.png`);
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const email = `e2e-billing-${Date.now()}-${randomBytes(4).toString('hex')}@example.test`;
const password = `E2e-${randomBytes(9).toString('base64url')}`;

let context = null;
let page = null;
let userDataDir = null;
const browserLog = [];
const shots = [];

async function shot(name) {
  const path = join(screenshotDir, name);
  await page.screenshot({ path, fullPage: true });
  shots.push(path);
}

async function run() {
  if (!baseUrl) throw new Error('BASE_URL is not set (the gateway URL, e.g. http://127.0.0.1:5100).');
  await mkdir(screenshotDir, { recursive: true });
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
  await page.goto(`${baseUrl}/register`, { waitUntil: 'domcontentloaded' });
  await page.getByRole('heading', { name: 'Create your account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill('E2E Subscriber');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/portfolio', { timeout: REGISTER_WAIT_MS });

  // Trial: Billing starts it on UserRegistered; the page polls until it exists.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
  await page.waitForURL((url) => url.pathname === '/billing');
  const status = page.getByTestId('subscription-status');
  await status.filter({ hasText: 'Free trial' }).waitFor({ timeout: BILLING_WAIT_MS });
  const daysLeft = (await page.getByTestId('billing-trial-days-left').textContent())?.trim();
  if (daysLeft !== '14 days') throw new Error(`expected 14 trial days left, saw "${daysLeft}"`);
  await page.getByText('No invoices yet. Your free trial costs nothing.').waitFor();
  await shot('billing-1-trial.png');

  // Subscribe: the local provider activates at once and bills the first period.
  await page.getByRole('button', { name: 'Subscribe for $100.00/month' }).click();
  await status.filter({ hasText: 'Active' }).waitFor();
  await page.getByTestId('billing-renews-on').waitFor();
  const invoices = page.getByRole('table', { name: 'Invoices' });
  await invoices.getByRole('cell', { name: '$100.00' }).waitFor();
  await invoices.getByRole('cell', { name: 'paid' }).waitFor();
  await page.getByRole('table', { name: 'Payments' }).getByRole('cell', { name: 'succeeded' }).waitFor();
  await shot('billing-2-active.png');

  // Cancel: access continues until the period ends, and resuming is offered.
  await page.getByRole('button', { name: 'Cancel subscription' }).click();
  await status.filter({ hasText: 'Canceled' }).waitFor();
  await page.getByTestId('billing-access-until').waitFor();
  await page.getByRole('button', { name: 'Resume subscription' }).waitFor();
  await shot('billing-3-canceled.png');
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
      `PASS ${NAME}: ${email} went trial → active → canceled in ${(elapsed / 1000).toFixed(1)} s; screenshots ${shots.join(', ')}`,
    );
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
