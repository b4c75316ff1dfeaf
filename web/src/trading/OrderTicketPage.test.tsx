import { afterEach, expect, test, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OrderTicketPage } from './OrderTicketPage';
import { fakeFetch, json, renderApp } from '../test/helpers';

afterEach(() => vi.restoreAllMocks());

/** A paper account whose ticket offers one symbol, AAPL, with no quote yet. */
const paperAccountWithAapl = {
  'GET /api/v1/execution/account': () => json(200, { userId: 'u1', mode: 'paper', createdAt: '2026-12-01T10:00:00Z' }),
  'GET /api/v1/market/symbols': () => json(200, { source: 'simulated', symbols: [{ symbol: 'AAPL', name: 'Apple', referencePrice: 230 }] }),
  'GET /api/v1/market/quotes?symbols=AAPL': () => json(200, { source: 'simulated', quotes: [] }),
};

test('a preview says how old it is; once old it offers to check again, which asks Risk afresh', async () => {
  const start = Date.now();
  const clock = vi.spyOn(Date, 'now').mockReturnValue(start);
  let previews = 0;
  const { fetch } = fakeFetch({
    ...paperAccountWithAapl,
    'POST /api/v1/risk/preview': () => {
      previews++;
      return json(200, { approved: true, violations: [], referencePrice: previews === 1 ? 230 : 231, quantity: 2, isOpening: true });
    },
  });
  renderApp(<OrderTicketPage />, { fetch, path: '/trade', signedInAs: 'ada@example.test' });

  await screen.findByRole('option', { name: 'AAPL — Apple' });
  await userEvent.selectOptions(screen.getByLabelText('Symbol'), 'AAPL');
  await userEvent.type(screen.getByLabelText('Quantity'), '2');
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }));
  expect((await screen.findByTestId('preview-age')).textContent).toBe('Checked just now.');
  expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();

  clock.mockReturnValue(start + 31_000);
  await waitFor(() => expect(screen.getByTestId('preview-age').textContent).toMatch(/^Checked 31 s ago: prices have moved since\./), {
    timeout: 3000,
  });
  await userEvent.click(screen.getByRole('button', { name: 'Check again' }));

  await waitFor(() => expect(screen.getByTestId('preview-size').textContent).toContain('$231.00'));
  expect(previews).toBe(2);
  expect(screen.getByTestId('preview-age').textContent).toBe('Checked just now.');
  expect(screen.getByRole('button', { name: 'Send order' })).toBeTruthy();
});

test('an order Risk would reject is not offered for sending; checking again sends it once Risk approves', async () => {
  let previews = 0;
  let orders = 0;
  const { fetch } = fakeFetch({
    ...paperAccountWithAapl,
    'POST /api/v1/risk/preview': () => {
      previews++;
      return previews === 1
        ? json(200, {
            approved: false,
            violations: [{ code: 'risk.max_position', message: 'The position would be 11% of equity; the limit is 10%.' }],
            referencePrice: 230,
            quantity: 5,
            isOpening: true,
          })
        : json(200, { approved: true, violations: [], referencePrice: 200, quantity: 5, isOpening: true });
    },
    'POST /api/v1/orders': () => {
      orders++;
      return json(201, { id: 'o1', symbol: 'AAPL', status: 'accepted' });
    },
  });
  renderApp(<OrderTicketPage />, { fetch, path: '/trade', signedInAs: 'ada@example.test' });

  await screen.findByRole('option', { name: 'AAPL — Apple' });
  await userEvent.selectOptions(screen.getByLabelText('Symbol'), 'AAPL');
  await userEvent.type(screen.getByLabelText('Quantity'), '5');
  await userEvent.click(screen.getByRole('button', { name: 'Preview' }));

  expect((await screen.findByTestId('risk-preview')).textContent).toContain('risk.max_position');
  expect(screen.queryByRole('button', { name: 'Send order' })).toBeNull();
  await userEvent.click(screen.getByRole('button', { name: 'Check again' }));

  await userEvent.click(await screen.findByRole('button', { name: 'Send order' }));
  expect((await screen.findByTestId('order-result')).textContent).toContain('Order AAPL accepted');
  expect(previews).toBe(2);
  expect(orders).toBe(1);
});
