#!/usr/bin/env node
// Browser end-to-end check against a running platform: a new user registers through the SPA served by
// the gateway and sees the $10,000.00 paper portfolio that the Portfolio service opens for them; then, on
// Account & security, changes the password, logs out, signs in with the new one and signs out everywhere.
//
//   BASE_URL=http://127.0.0.1:5100 SCREENSHOT_PATH=test-output/portfolio.png node e2e/register-and-see-portfolio.mjs
//
// Environment: BASE_URL (the gateway), SCREENSHOT_PATH (PNG written on success; on failure the state is
// saved next to it as <name>.failure.png), CHROMIUM_PATH (default /usr/bin/chromium).
// Prints one line starting with PASS or FAIL; exits 0 on success, 1 on any failure.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const NAME = 'register-and-see-portfolio';
const PORTFOLIO_WAIT_MS = 30_000;
const STEP_TIMEOUT_MS = 15_000;
const OVERALL_TIMEOUT_MS = 120_000;

const baseUrl = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const screenshotPath = resolve(process.env.SCREENSHOT_PATH ?? join('e2e-output', `${NAME}.png`));
const failurePath = screenshotPath.replace(/(\.png)?$/i, '.failure.png');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const email = `e2e-${Date.now()}-${randomBytes(4).toString('hex')}@example.test`;
const password = `E2e-${randomBytes(9).toString('base64url')}`;
const newPassword = `E2e-new-${randomBytes(9).toString('base64url')}`;
const accountShotPath = screenshotPath.replace(/(\.png)?$/i, '.account.png');

let context = null;
let page = null;
let userDataDir = null;
const browserLog = [];

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

  // The portfolio is opened asynchronously (UserRegistered → Portfolio); the page polls until it exists.
  await page
    .getByText('$10,000.00', { exact: true })
    .first()
    .waitFor({ state: 'visible', timeout: PORTFOLIO_WAIT_MS });
  await page.getByLabel('Account mode: Paper').waitFor();

  await page.screenshot({ path: screenshotPath, fullPage: true });

  // Account & security, from the address in the top bar: a new password keeps this browser signed in.
  await page.getByTestId('user-email').click();
  await page.getByRole('heading', { name: 'Account & security' }).waitFor();
  await page.getByLabel('Current password').fill(password);
  await page.getByLabel('New password', { exact: true }).fill(newPassword);
  await page.getByLabel('Confirm new password').fill(newPassword);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Password changed. Other devices have been signed out.').waitFor();
  await page.screenshot({ path: accountShotPath, fullPage: true });

  // Only the new password signs in.
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await signIn(password);
  await page.getByText('Email or password is incorrect.').waitFor();
  await signIn(newPassword);
  await page.getByTestId('user-email').waitFor();

  // Signing out everywhere ends this session too and says so on the sign-in page.
  await page.getByTestId('user-email').click();
  await page.getByRole('button', { name: 'Sign out everywhere…' }).click();
  await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
  await page.getByText('You have been signed out on every device.', { exact: false }).waitFor();
  return Date.now() - started;
}

async function signIn(secret) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(secret);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
      `PASS ${NAME}: ${email} registered, saw $10,000.00 on the portfolio, changed the password and signed out everywhere in ${(elapsed / 1000).toFixed(1)} s; screenshots ${screenshotPath}, ${accountShotPath}`,
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
