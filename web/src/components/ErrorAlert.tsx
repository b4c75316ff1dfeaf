import { ApiError, errorMessage } from '../api/problem';
import { UpgradePrompt } from '../billing/UpgradePrompt';
import { isSubscriptionRequired } from '../billing/subscriptionRequired';

/**
 * Shows a failure as the server explained it: the ProblemDetails detail (or title) and, when the
 * form cannot place them next to an input, the field errors as a list.
 */
export function ErrorAlert({ error, shownFields = [] }: { error: unknown; shownFields?: string[] }) {
  if (!error) return null;
  // A refused order or backtest (403 subscription-required) is an invitation to subscribe, not a failure.
  if (isSubscriptionRequired(error)) return <UpgradePrompt error={error} />;
  const fieldErrors =
    error instanceof ApiError
      ? Object.entries(error.fieldErrors).filter(([field]) => !shownFields.includes(field))
      : [];
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__message">{errorMessage(error)}</p>
      {fieldErrors.length > 0 ? (
        <ul className="alert__list">
          {fieldErrors.flatMap(([field, messages]) =>
            messages.map((message) => (
              <li key={`${field}:${message}`}>{field ? `${field}: ${message}` : message}</li>
            )),
          )}
        </ul>
      ) : null}
    </div>
  );
}
