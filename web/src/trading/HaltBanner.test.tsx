import { expect, test, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HaltBanner } from './HaltBanner';
import { fakeFetch, json, problem, renderApp } from '../test/helpers';
import type { HaltState } from './types';

const drawdown: HaltState = {
  halted: true,
  halts: [{ code: 'risk.drawdown_halt', reason: 'Drawdown 15.4% from peak reached the 15% limit.', since: '2026-12-01T10:00:00Z', canResume: true }],
};

test('a drawdown halt shows its reason and resumes only after the loss is acknowledged', async () => {
  const { fetch, calls } = fakeFetch({ 'POST /api/v1/risk/resume': () => json(200, { halted: false, halts: [] }) });
  const onResumed = vi.fn();
  renderApp(<HaltBanner halt={drawdown} onResumed={onResumed} />, { fetch, path: '/dashboard', signedInAs: 'ada@example.test' });

  expect(screen.getByTestId('halt-banner').textContent).toContain('Drawdown 15.4% from peak reached the 15% limit.');
  const resume = screen.getByRole('button', { name: 'Resume trading' }) as HTMLButtonElement;
  expect(resume.disabled).toBe(true);
  await userEvent.click(screen.getByLabelText('I acknowledge the loss and want to trade again'));
  await userEvent.click(resume);

  await vi.waitFor(() => expect(onResumed).toHaveBeenCalledWith({ halted: false, halts: [] }));
  expect(calls[0]?.body).toEqual({ reason: 'Drawdown acknowledged on the dashboard' });
});

test('a daily loss halt says when it ends and offers no resume', async () => {
  renderApp(
    <HaltBanner
      halt={{ halted: true, halts: [{ code: 'risk.daily_loss_halt', reason: 'Day loss 5.1%.', until: '2026-12-02T00:00:00Z', canResume: false }] }}
      onResumed={() => undefined}
    />,
    { fetch: fakeFetch({}).fetch, path: '/dashboard', signedInAs: 'ada@example.test' },
  );
  expect(screen.getByTestId('halt-banner').textContent).toMatch(/New positions can be opened again from/);
  expect(screen.queryByRole('button', { name: 'Resume trading' })).toBeNull();
});

test('a refused resume shows the ProblemDetails detail', async () => {
  const { fetch } = fakeFetch({
    'POST /api/v1/risk/resume': () => problem(409, { title: 'Nothing you can resume.', detail: 'The halt was already lifted.' }),
  });
  renderApp(<HaltBanner halt={drawdown} onResumed={() => undefined} />, { fetch, path: '/dashboard', signedInAs: 'ada@example.test' });
  await userEvent.click(screen.getByLabelText('I acknowledge the loss and want to trade again'));
  await userEvent.click(screen.getByRole('button', { name: 'Resume trading' }));
  expect((await screen.findByText('The halt was already lifted.')).textContent).toBe('The halt was already lifted.');
});
