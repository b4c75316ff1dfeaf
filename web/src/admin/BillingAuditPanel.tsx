import { useAuth } from '../auth/AuthContext';
import { AuditLog } from './AuditLog';
import { billingAdminKeys, listBillingAudit, type BillingAuditEntry } from './billingApi';
import { when } from './format';

/** Billing's append-only record of every admin change to a subscription, with its reason and what it did. */
export function BillingAuditPanel() {
  const { api } = useAuth();
  return (
    <AuditLog<BillingAuditEntry>
      title="Billing audit log"
      titleId="billing-audit-title"
      load={(userId) => listBillingAudit(api, userId)}
      queryKey={billingAdminKeys.audit}
      empty={{ everyone: 'No subscription changed by an admin yet.', trader: "No admin has changed this trader's subscription." }}
      columns={['When', 'Action', 'Trader', 'Reason', 'Result', 'By']}
      row={(entry) => (
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
      )}
    />
  );
}
