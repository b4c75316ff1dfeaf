import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { checkUserId } from './api';

const AUDIT_ROWS = 50;

/** One service's audit trail for operators: its latest entries, or one trader's once a whole user id is typed or
 * pasted in the filter (an id that does not parse is flagged only once it is long enough to be one). */
export function AuditLog<T>({
  title,
  titleId,
  load,
  queryKey,
  empty,
  columns,
  row,
}: {
  title: string;
  titleId: string;
  load: (userId: string | undefined) => Promise<T[]>;
  queryKey: (userId: string | undefined) => readonly unknown[];
  empty: { everyone: string; trader: string };
  columns: string[];
  row: (entry: T) => ReactNode;
}) {
  const [filter, setFilter] = useState('');
  const checked = filter.trim() ? checkUserId(filter) : {};
  const userId = checked.id;
  const audit = useQuery({ queryKey: queryKey(userId), queryFn: () => load(userId) });
  const rows = audit.data?.slice(0, AUDIT_ROWS) ?? [];
  return (
    <section className="panel" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <div className="filters">
        <TextField
          label="Only this trader (user id)"
          className="admin__id"
          value={filter}
          placeholder="01a24600-…"
          hint="Everyone's latest entries until a whole user id is pasted."
          onChange={(e) => setFilter(e.target.value)}
          error={filter.trim().length >= 36 ? checked.error : undefined}
        />
      </div>
      {audit.error ? <ErrorAlert error={audit.error} /> : null}
      {audit.data && rows.length === 0 ? <p className="muted">{userId ? empty.trader : empty.everyone}</p> : null}
      {rows.length > 0 ? (
        <div className="table-wrap">
          <table className="table" aria-label={title}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column} scope="col">
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{rows.map(row)}</tbody>
          </table>
          {audit.data && audit.data.length > AUDIT_ROWS ? (
            <p className="muted">The latest {AUDIT_ROWS} of {audit.data.length} entries.</p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
