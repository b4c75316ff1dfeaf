import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { UserIdFilter, useUserIdFilter } from './UserIdFilter';
import { billingAdminKeys, listBillingAudit } from './billingApi';
import { when } from './format';

const AUDIT_ROWS = 50;

/** Billing's append-only record of every admin change to a subscription, with its reason and what it did: the latest
 * entries, or one trader's once a full user id is typed in the filter. */
export function BillingAuditPanel() {
  const { api } = useAuth();
  const filter = useUserIdFilter();
  const userId = filter.userId;
  const audit = useQuery({ queryKey: billingAdminKeys.audit(userId), queryFn: () => listBillingAudit(api, userId) });
  const rows = audit.data?.slice(0, AUDIT_ROWS) ?? [];
  return (
    <section className="panel" aria-labelledby="billing-audit-title">
      <h2 id="billing-audit-title">Billing audit log</h2>
      <UserIdFilter filter={filter} />
      {audit.error ? <ErrorAlert error={audit.error} /> : null}
      {audit.data && rows.length === 0 ? (
        <p className="muted">{userId ? 'No admin has changed this trader\'s subscription.' : 'No subscription changed by an admin yet.'}</p>
      ) : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label="Billing audit log">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Action</th>
                <th scope="col">Trader</th>
                <th scope="col">Reason</th>
                <th scope="col">Result</th>
                <th scope="col">By</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <tr key={entry.id}>
                  <td className="muted">{when(entry.occurredAt)}</td>
                  <td>
                    <code>{entry.action}</code>
                  </td>
                  <td className="muted">{entry.userId}</td>
                  <td>{entry.reason}</td>
                  <td>{entry.detail ?? '—'}</td>
                  <td className="muted">{entry.adminUserId}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {audit.data && audit.data.length > AUDIT_ROWS ? (
            <p className="muted">The latest {AUDIT_ROWS} of {audit.data.length} entries.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
