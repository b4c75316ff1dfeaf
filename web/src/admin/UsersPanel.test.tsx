import { expect, onTestFinished, test, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminPage } from './AdminPage';
import type { AdminUser, IdentityAuditEntry } from './identityApi';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';

const USER = '01a24600-9b18-7ac6-8469-4beaab4d5a2b';
const ADMIN = '01a24600-0000-7000-8000-0000000000ad';
const USERS = '/api/v1/identity/admin/users';
const AUDIT = '/api/v1/identity/admin/audit';
// The panel asks for one row more than its page of 25 to know whether a next page exists.
const firstPage = (query = '') => `GET ${USERS}?offset=0&limit=26${query}`;

// The page's other panels, answered so that they stay quiet.
const otherPanels = {
  'GET /api/v1/risk/admin/kill-switch': () => json(200, { engaged: false, reason: null, changedBy: null, changedAt: null }),
  'GET /api/v1/risk/admin/audit': () => json(200, []),
  'GET /api/v1/market/admin/shocks': () => json(200, []),
  'GET /api/v1/billing/admin/subscriptions?offset=0&limit=26': () => json(200, []),
  'GET /api/v1/billing/admin/audit': () => json(200, []),
};

const user = (overrides: Partial<AdminUser> = {}): AdminUser => ({
  id: USER, email: 'ada@example.test', displayName: 'Ada Lovelace', role: 'subscriber', subscriptionStatus: 'trialing',
  createdAt: '2026-12-01T09:00:00Z', suspendedAt: null, suspendedReason: null,
  ...overrides,
});
const suspended = (reason = 'Card fraud') => user({ suspendedAt: '2026-12-05T12:00:00Z', suspendedReason: reason });

const auditEntry = (id: number, action: string, overrides: Partial<IdentityAuditEntry> = {}): IdentityAuditEntry => ({
  id, at: '2026-12-05T12:00:00Z', action, userId: USER, email: 'ada@example.test', ipAddress: '203.0.113.7', detail: null,
  ...overrides,
});

const renderAdmin = (routes: Parameters<typeof fakeFetch>[0]) => {
  const fake = fakeFetch({ ...otherPanels, [`GET ${AUDIT}`]: () => json(200, []), ...routes });
  renderApp(<AdminPage />, { fetch: fake.fetch, path: '/admin', signedInAs: 'ops@example.test', role: 'admin' });
  return fake;
};

const usersTable = () => screen.findByRole('table', { name: 'Users' });
const rowOf = async (email: string) => within(await usersTable()).getByRole('rowheader', { name: new RegExp(email) }).closest('tr')!;
const usersStatus = () => within(screen.getByRole('region', { name: 'Users' })).getByRole('status');

test('the users panel sits after the kill switch, and the Identity audit log after Billing’s', async () => {
  renderAdmin({ [firstPage()]: () => json(200, []) });

  await screen.findByText('No users yet.');
  const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
  expect(headings.indexOf('Users')).toBe(headings.indexOf('Kill switch') + 1);
  expect(headings.indexOf('One trader')).toBe(headings.indexOf('Users') + 1);
  expect(headings.indexOf('Identity audit log')).toBe(headings.indexOf('Billing audit log') + 1);
  expect(screen.getByRole('region', { name: 'Users' }).textContent).toMatch(/tokens already issued last up to 15 minutes/);
});

test('an admin searches by part of an email and for suspended users only, and sees who they are', async () => {
  const { calls } = renderAdmin({
    [firstPage()]: () => json(200, [user(), user({ id: ADMIN, email: 'ops@example.test', displayName: 'Ops', role: 'admin' })]),
    [firstPage('&search=ada')]: () => json(200, [user()]),
    [firstPage('&search=ada&suspended=true')]: () => json(200, []),
    [firstPage('&suspended=true')]: () => json(200, [suspended('Chargebacks')]),
  });

  expect(within(await usersTable()).getAllByRole('row')).toHaveLength(1 + 2);
  await userEvent.type(screen.getByLabelText('Email, name or user id'), '  ada ');
  await userEvent.click(screen.getByRole('button', { name: 'Search' }));
  await waitFor(async () => expect(within(await usersTable()).getAllByRole('row')).toHaveLength(1 + 1));
  const ada = await rowOf('ada@example.test');
  expect(within(ada).getByRole('rowheader').textContent).toContain(USER);
  expect([...ada.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)).toEqual(
    ['Ada Lovelace', 'subscriber', 'Free trial', new Date('2026-12-01T09:00:00Z').toLocaleDateString(), 'Active']);

  await userEvent.click(screen.getByLabelText('Suspended only'));
  expect(await screen.findByText('No suspended user matches “ada”.')).toBeTruthy();

  await userEvent.clear(screen.getByLabelText('Email, name or user id'));
  await userEvent.click(screen.getByRole('button', { name: 'Search' }));
  const row = await rowOf('ada@example.test');
  await waitFor(() => expect(row.textContent).toContain(`Suspended ${new Date('2026-12-05T12:00:00Z').toLocaleString()}: Chargebacks`));
  expect(within(row).getByRole('button', { name: 'Reinstate…' })).toBeTruthy();
  expect(within(row).queryByRole('button', { name: 'Suspend…' })).toBeNull();
  expect(calls.map((c) => c.url)).toContain(`${USERS}?offset=0&limit=26&suspended=true`);
});

test('suspending needs a reason and a confirmation; then the list and the audit log show the user suspended', async () => {
  let done = false;
  const { calls } = renderAdmin({
    [firstPage()]: () => json(200, [done ? suspended('Card fraud') : user()]),
    [`GET ${AUDIT}`]: () => json(200, done ? [auditEntry(1, 'user.suspended', { detail: `by ${ADMIN}: Card fraud`, ipAddress: null })] : []),
    [`POST ${USERS}/${USER}/suspend`]: () => {
      done = true;
      return json(200, suspended('Card fraud'));
    },
  });

  await userEvent.click(within(await rowOf('ada@example.test')).getByRole('button', { name: 'Suspend…' }));
  const dialog = screen.getByRole('alertdialog', { name: /Suspend ada@example.test\?/ });
  expect(dialog.textContent).toMatch(/Risk halts their trading at once/);
  const yes = within(dialog).getByRole('button', { name: 'Yes, suspend' });
  expect((yes as HTMLButtonElement).disabled).toBe(true);
  expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

  await userEvent.type(within(dialog).getByLabelText("Reason (kept in Identity's audit log)"), ' Card fraud ');
  await userEvent.click(yes);

  expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: `${USERS}/${USER}/suspend`, body: { reason: 'Card fraud' } });
  await waitFor(() => expect(usersStatus().textContent).toMatch(/^ada@example.test is suspended: every session has ended, and Risk halts their trading\./));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  const row = await rowOf('ada@example.test');
  await waitFor(() => expect(row.textContent).toContain('Card fraud'));
  expect(within(row).getByRole('button', { name: 'Reinstate…' })).toBeTruthy();
  const audit = await screen.findByRole('table', { name: 'Identity audit log' });
  expect(within(audit).getByText(`by ${ADMIN}: Card fraud`)).toBeTruthy();
});

test('an admin reinstates a suspended user, and signs a user out everywhere without suspending them', async () => {
  let reinstated = false;
  const { calls } = renderAdmin({
    [firstPage()]: () => json(200, [reinstated ? user() : suspended()]),
    [`POST ${USERS}/${USER}/reinstate`]: () => {
      reinstated = true;
      return json(200, user());
    },
    [`POST ${USERS}/${USER}/sessions/end`]: () => new Response(null, { status: 204 }),
  });

  await userEvent.click(within(await rowOf('ada@example.test')).getByRole('button', { name: 'Reinstate…' }));
  const dialog = screen.getByRole('alertdialog', { name: /Reinstate ada@example.test\?/ });
  await userEvent.type(within(dialog).getByLabelText("Reason (kept in Identity's audit log)"), 'Cleared by support');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, reinstate' }));
  expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: `${USERS}/${USER}/reinstate`, body: { reason: 'Cleared by support' } });
  await waitFor(async () => expect((await rowOf('ada@example.test')).textContent).toContain('Active'));
  expect(usersStatus().textContent).toBe('ada@example.test is reinstated and can sign in again.');

  await userEvent.click(within(await rowOf('ada@example.test')).getByRole('button', { name: 'Sign out everywhere…' }));
  const signOut = screen.getByRole('alertdialog', { name: /Sign ada@example.test out everywhere\?/ });
  await userEvent.type(within(signOut).getByLabelText("Reason (kept in Identity's audit log)"), 'Lost phone');
  await userEvent.click(within(signOut).getByRole('button', { name: 'Yes, sign out everywhere' }));
  expect(calls.filter((c) => c.method === 'POST').at(-1)).toMatchObject({ url: `${USERS}/${USER}/sessions/end`, body: { reason: 'Lost phone' } });
  await waitFor(() => expect(usersStatus().textContent).toBe('ada@example.test is signed out on every device.'));
  expect((await rowOf('ada@example.test')).textContent).toContain('Active');
});

test('a reset link needs a reason, and the link it gives carries the token after # with its expiry, ready to copy', async () => {
  const expiresAt = '2026-12-06T12:00:00Z';
  const { calls } = renderAdmin({
    [firstPage()]: () => json(200, [user()]),
    [`POST ${USERS}/${USER}/password-reset`]: () => json(200, { token: 'tok_-123', expiresAt }),
  });

  await userEvent.click(within(await rowOf('ada@example.test')).getByRole('button', { name: 'Reset link…' }));
  const dialog = screen.getByRole('alertdialog', { name: /Issue a reset link for ada@example.test\?/ });
  expect(dialog.textContent).toMatch(/one-time link to set a new password, valid 24 hours; their sessions end when they use it/);
  const yes = within(dialog).getByRole('button', { name: 'Yes, issue a link' });
  expect((yes as HTMLButtonElement).disabled).toBe(true);

  await userEvent.type(within(dialog).getByLabelText("Reason (kept in Identity's audit log)"), ' Lost password, ticket 42 ');
  await userEvent.click(yes);

  expect(calls.filter((c) => c.method === 'POST')).toEqual([
    expect.objectContaining({ url: `${USERS}/${USER}/password-reset`, body: { reason: 'Lost password, ticket 42' } }),
  ]);
  const field = (await screen.findByLabelText('Reset link for ada@example.test')) as HTMLInputElement;
  expect(field.value).toBe(`${window.location.origin}/reset-password#tok_-123`);
  expect(field.readOnly).toBe(true);
  expect(usersStatus().textContent).toBe('A reset link for ada@example.test is ready below.');
  const notice = field.closest('.alert')!;
  expect(notice.textContent).toContain(`Valid until ${new Date(expiresAt).toLocaleString()}. Give it to the trader privately; it is shown only once.`);
  expect(screen.queryByRole('alertdialog')).toBeNull();

  const writeText = vi.fn(() => Promise.resolve());
  const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  onTestFinished(() => {
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  fireEvent.click(within(notice as HTMLElement).getByRole('button', { name: 'Copy' }));
  expect(writeText).toHaveBeenCalledWith(`${window.location.origin}/reset-password#tok_-123`);
  expect(await within(notice as HTMLElement).findByRole('button', { name: 'Copied' })).toBeTruthy();

  // Without a clipboard the button does nothing, and nothing breaks.
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
  fireEvent.click(within(notice as HTMLElement).getByRole('button', { name: 'Copied' }));
  expect(field.value).toContain('#tok_-123');
});

test('suspending oneself is refused with Identity’s explanation, and the dialog can be closed', async () => {
  renderAdmin({
    [firstPage()]: () => json(200, [user({ id: ADMIN, email: 'ops@example.test', role: 'admin' })]),
    [`POST ${USERS}/${ADMIN}/suspend`]: () =>
      problem(409, {
        type: 'https://tradenova.dev/problems/cannot-suspend-self',
        title: 'You cannot suspend your own account.',
        detail: 'Another administrator can, if it must be done.',
      }),
  });

  await userEvent.click(within(await rowOf('ops@example.test')).getByRole('button', { name: 'Suspend…' }));
  const dialog = screen.getByRole('alertdialog');
  await userEvent.type(within(dialog).getByLabelText("Reason (kept in Identity's audit log)"), 'Test');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, suspend' }));

  expect((await within(dialog).findByRole('alert')).textContent).toBe(
    'You cannot suspend your own account. Another administrator can, if it must be done.');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Keep active' }));
  expect(screen.queryByRole('alertdialog')).toBeNull();
  expect(usersStatus().textContent).toBe('');
});

test('Identity’s reason error is shown by the reason field, and a search too long by the search field', async () => {
  const long = 'x'.repeat(10);
  renderAdmin({
    [firstPage()]: () => json(200, [user()]),
    [firstPage(`&search=${long}`)]: () =>
      problem(400, { title: 'One or more fields are invalid.', errors: { search: ['Search with at most 254 characters.'] } }),
    [`POST ${USERS}/${USER}/sessions/end`]: () =>
      problem(400, { title: 'One or more fields are invalid.', errors: { reason: ['Give a reason (at most 500 characters).'] } }),
  });

  await userEvent.click(within(await rowOf('ada@example.test')).getByRole('button', { name: 'Sign out everywhere…' }));
  const dialog = screen.getByRole('alertdialog');
  const reason = within(dialog).getByLabelText("Reason (kept in Identity's audit log)");
  await userEvent.type(reason, 'Lost phone');
  await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, sign out everywhere' }));

  await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
  const described = reason.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent);
  expect(described).toEqual(['Give a reason (at most 500 characters).']);
  expect(screen.queryByRole('alert')).toBeNull();
  expect((reason as HTMLInputElement).value).toBe('Lost phone');

  const search = screen.getByLabelText('Email, name or user id');
  await userEvent.type(search, long);
  await userEvent.click(screen.getByRole('button', { name: 'Search' }));
  await waitFor(() => expect(search.getAttribute('aria-invalid')).toBe('true'));
  expect(screen.getByText('Search with at most 254 characters.')).toBeTruthy();
});

test('the Identity audit log lists sign-ins by email (or id) and address, and narrows to one user by id', async () => {
  renderAdmin({
    [firstPage()]: () => json(200, []),
    [`GET ${AUDIT}`]: () => json(200, [
      auditEntry(3, 'login.failed', { userId: null, email: 'nobody@example.test', detail: 'unknown email' }),
      auditEntry(2, 'login.succeeded', { email: null }),
    ]),
    [`GET ${AUDIT}?userId=${USER}`]: () => json(200, [auditEntry(1, 'sessions.ended_by_admin', { detail: `by ${ADMIN}: Lost phone` })]),
  });

  const log = await screen.findByRole('table', { name: 'Identity audit log' });
  const rows = within(log).getAllByRole('row').slice(1).map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
  expect(rows.map((r) => r.slice(1))).toEqual([
    ['login.failed', 'nobody@example.test', '203.0.113.7', 'unknown email'],
    ['login.succeeded', USER, '203.0.113.7', '—'],
  ]);

  await userEvent.type(within(screen.getByRole('region', { name: 'Identity audit log' })).getByLabelText('Only this trader (user id)'), USER);
  await screen.findByText(`by ${ADMIN}: Lost phone`);
  await waitFor(() => expect(screen.queryByText('unknown email')).toBeNull());
});
