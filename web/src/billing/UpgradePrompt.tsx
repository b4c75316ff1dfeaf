import { Link } from 'react-router';
import { isSubscriptionRequired } from './subscriptionRequired';

/** Inline form of the upgrade prompt, for a page that shows a refused action's error next to the action. */
export function UpgradePrompt({ error }: { error: unknown }) {
  if (!isSubscriptionRequired(error)) return null;
  return (
    <div className="billing-banner billing-banner--upgrade" role="alert">
      <p>
        <strong>Upgrade to continue.</strong> {error.detail ?? error.message}
      </p>
      <Link className="button button--primary" to="/billing">
        See plans
      </Link>
    </div>
  );
}
