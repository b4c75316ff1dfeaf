import { ErrorAlert } from '../components/ErrorAlert';
import { formatAmount, formatDate, formatPeriod } from './format';
import { useBillingHistory } from './useSubscription';

/** Invoices (with Stripe's hosted invoice page when there is one) and every payment attempt. */
export function BillingHistorySection() {
  const { data, error } = useBillingHistory();
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Billing history</h2>
      {error ? <ErrorAlert error={error} /> : null}
      {data && data.invoices.length === 0 && data.payments.length === 0 ? (
        <p className="muted">No invoices yet. Your free trial costs nothing.</p>
      ) : null}
      {data && data.invoices.length > 0 ? (
        <div className="table-wrap">
          <h3 id="invoices-title" className="history__title">
            Invoices
          </h3>
          <table className="table" aria-labelledby="invoices-title">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Period</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col">Status</th>
                <th scope="col">Invoice</th>
              </tr>
            </thead>
            <tbody>
              {data.invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td>{formatDate(invoice.createdAt)}</td>
                  <td>{formatPeriod(invoice.periodStart, invoice.periodEnd)}</td>
                  <td className="num">{formatAmount(invoice.amountDue, invoice.currency)}</td>
                  <td>{invoice.status}</td>
                  <td>
                    {invoice.hostedInvoiceUrl ? (
                      <a href={invoice.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                        View
                      </a>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data && data.payments.length > 0 ? (
        <div className="table-wrap">
          <h3 id="payments-title" className="history__title">
            Payments
          </h3>
          <table className="table" aria-labelledby="payments-title">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" className="num">Amount</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {data.payments.map((payment) => (
                <tr key={payment.id}>
                  <td>{formatDate(payment.occurredAt)}</td>
                  <td className="num">{formatAmount(payment.amount, payment.currency)}</td>
                  <td className={payment.status === 'failed' ? 'loss' : 'gain'}>{payment.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
