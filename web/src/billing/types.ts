/** The caller's subscription as Billing reports it (GET /api/v1/billing/subscription). */
export interface Subscription {
  userId: string;
  plan: string;
  status: 'trialing' | 'active' | 'past_due' | 'canceled' | 'expired';
  entitled: boolean;
  provider: 'local' | 'stripe';
  price: number | string;
  currency: string;
  trialEndsAt: string | null;
  trialDaysLeft: number | null;
  currentPeriodEnd: string | null;
  renewsAt: string | null;
  cancelAtPeriodEnd: boolean;
  accessEndsAt: string | null;
  graceEndsAt: string | null;
  paymentFailed: boolean;
  grantedUntil: string | null;
  canSubscribe: boolean;
  canCancel: boolean;
  canResume: boolean;
  canManage: boolean;
}

export interface CheckoutResult {
  /** Stripe Checkout to go to; null when the local provider activated the subscription at once. */
  url: string | null;
  subscription: Subscription;
}

export interface PortalResult {
  /** Stripe's Customer Portal; null when the subscription is managed on this page (local provider). */
  url: string | null;
}

export interface Invoice {
  id: string;
  status: string;
  amountDue: number | string;
  amountPaid: number | string;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
  hostedInvoiceUrl: string | null;
  createdAt: string;
}

export interface Payment {
  id: string;
  invoiceId: string;
  status: 'succeeded' | 'failed';
  amount: number | string;
  currency: string;
  occurredAt: string;
}

export interface BillingHistory {
  invoices: Invoice[];
  payments: Payment[];
}
