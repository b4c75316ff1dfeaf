import { ApiError } from '../api/problem';

/** The ProblemDetails type every service answers (403) when the caller's subscription does not allow the action. */
export const subscriptionRequiredType = 'https://tradenova.dev/problems/subscription-required';

export function isSubscriptionRequired(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 403 && error.type === subscriptionRequiredType;
}
