import { useAuth } from '../auth/AuthContext';
import { AuditLog } from './AuditLog';
import { when } from './format';
import { identityAdminKeys, listIdentityAudit, type IdentityAuditEntry } from './identityApi';

/** Identity's record of sign-ins (and refusals), sessions ended, password changes and operators' suspensions; an
 * operator's entry says who did it and why in its detail. */
export function IdentityAuditPanel() {
  const { api } = useAuth();
  return (
    <AuditLog<IdentityAuditEntry>
      title="Identity audit log"
      titleId="identity-audit-title"
      load={(userId) => listIdentityAudit(api, userId)}
      queryKey={identityAdminKeys.audit}
      empty={{ everyone: 'Nothing audited yet.', trader: 'Nothing audited for this user.' }}
      columns={['When', 'Action', 'User', 'Address', 'Detail']}
      row={(entry) => (
        <tr key={entry.id}>
          <td className="muted">{when(entry.at)}</td>
          <td>
            <code>{entry.action}</code>
          </td>
          <td>
            <span className="admin__clip" title={entry.userId ?? undefined}>
              {entry.email ?? entry.userId ?? '—'}
            </span>
          </td>
          <td className="muted admin__address">{entry.ipAddress ?? '—'}</td>
          <td className="admin__detail">{entry.detail ?? '—'}</td>
        </tr>
      )}
    />
  );
}
