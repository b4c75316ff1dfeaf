import type { AccountMode } from './types';
import './broker.css';
import { useTradingAccount } from './useTradingAccount';

const titles: Record<AccountMode, string> = {
  paper: 'Paper account: orders go to the built-in paper exchange; no real money.',
  live: 'Live account: orders go to your own Alpaca account.',
};

/** PAPER or LIVE, always beside the user's orders; live in the warning colour so it is never mistaken for paper. */
export function AccountModeBadge({ mode, testId = 'account-badge' }: { mode: AccountMode | undefined; testId?: string }) {
  if (!mode) {
    return (
      <span className="account-badge account-badge--unknown" data-testid={testId} data-mode="unknown" title="Reading your account…">
        …
      </span>
    );
  }
  return (
    <span className={`account-badge account-badge--${mode}`} data-testid={testId} data-mode={mode} title={titles[mode]}>
      {mode === 'live' ? 'LIVE' : 'PAPER'}
    </span>
  );
}

/** The badge for the signed-in user's current account. */
export function AccountBadge({ testId }: { testId?: string }) {
  const account = useTradingAccount();
  return <AccountModeBadge mode={account.data?.mode} {...(testId ? { testId } : {})} />;
}
