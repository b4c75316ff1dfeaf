import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import { isSubscriptionRequired } from './subscriptionRequired';
import { daysLabel, formatDate } from './format';
import type { Subscription } from './types';
import { subscriptionQueryKey, useSubscription } from './useSubscription';
import './billing.css';

/** Days before the trial ends from which every page says so. */
export const trialEndingDays = 3;

interface BannerContent {
  tone: 'warning' | 'error';
  message: string;
  action: string;
}

export function bannerFor(subscription: Subscription | undefined): BannerContent | null {
  if (!subscription) return null;
  if (subscription.paymentFailed || subscription.status === 'past_due') {
    return {
      tone: 'error',
      message: `Your last payment failed. Update your payment details before ${formatDate(subscription.graceEndsAt)} to keep trading.`,
      action: 'Fix payment',
    };
  }
  if (subscription.status === 'expired') {
    return {
      tone: 'error',
      message: 'Your subscription has expired. Placing orders and running backtests are paused; your data stays readable.',
      action: 'Subscribe',
    };
  }
  if (subscription.status === 'trialing' && subscription.trialDaysLeft !== null && subscription.trialDaysLeft <= trialEndingDays) {
    return {
      tone: 'warning',
      message: `Your free trial ends in ${daysLabel(Math.max(0, subscription.trialDaysLeft))}. Subscribe to keep trading without interruption.`,
      action: 'Subscribe',
    };
  }
  return null;
}

/**
 * The billing state on every signed-in page: trial ending, payment failed, expired; and an upgrade prompt
 * whenever any request on the page was refused with the subscription-required problem (403).
 */
export function BillingBanner() {
  const queryClient = useQueryClient();
  const location = useLocation();
  const { data } = useSubscription();
  const [refused, setRefused] = useState<string | null>(null);

  useEffect(() => {
    const seen = (error: unknown) => {
      if (!isSubscriptionRequired(error)) return;
      setRefused(error.detail ?? error.message);
      void queryClient.invalidateQueries({ queryKey: subscriptionQueryKey });
    };
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') seen(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') seen(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [queryClient]);

  const banner = bannerFor(data);
  const onBillingPage = location.pathname.startsWith('/billing');
  return (
    <>
      {refused ? (
        <div className="billing-banner billing-banner--upgrade" role="alert" data-testid="upgrade-prompt">
          <p>
            <strong>Upgrade to continue.</strong> {refused}
          </p>
          <div className="billing-banner__actions">
            {onBillingPage ? null : (
              <Link className="button button--primary" to="/billing" onClick={() => setRefused(null)}>
                See plans
              </Link>
            )}
            <button type="button" className="button button--ghost" onClick={() => setRefused(null)}>
              Dismiss
            </button>
          </div>
        </div>
      ) : null}
      {banner ? (
        <div className={`billing-banner billing-banner--${banner.tone}`} role="status" data-testid="billing-banner">
          <p>{banner.message}</p>
          {onBillingPage ? null : (
            <Link className="button button--primary" to="/billing">
              {banner.action}
            </Link>
          )}
        </div>
      ) : null}
    </>
  );
}
