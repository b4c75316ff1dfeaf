import { Fragment, useState, type FormEvent, type ReactNode } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError, fieldMessages } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { statusLabels } from '../billing/format';
import { ErrorAlert } from '../components/ErrorAlert';
import { TextField } from '../components/TextField';
import { day, when } from './format';
import { identityAdminKeys, listUsers, MAX_SEARCH, type AdminUser, type ResetLink, type UserAction } from './identityApi';
import { OffsetPager } from './OffsetPager';
import { ResetLinkNotice } from './ResetLinkNotice';
import { UserActions } from './UserActions';

const PAGE = 25;
const COLUMNS = 7;

/** Identity's users, newest first, found by email, name or id; suspend or reinstate one, sign them out everywhere, or
 * issue them a link to set a new password. */
export function UsersPanel({ onOpenTrader }: { onOpenTrader: (id: string) => void }) {
  const { api } = useAuth();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [suspendedOnly, setSuspendedOnly] = useState(false);
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<{ id: string; action: UserAction } | null>(null);
  const [outcome, setOutcome] = useState('');
  // Stays until the next action: a search or another page must not lose a link that cannot be shown again.
  const [issued, setIssued] = useState<{ email: string; link: ResetLink } | null>(null);
  // One more than a page: the API gives no total, so the extra row says whether there is a next page.
  const page = { search, suspendedOnly, offset, limit: PAGE + 1 };
  const list = useQuery({
    queryKey: identityAdminKeys.users(page),
    queryFn: () => listUsers(api, page),
    placeholderData: keepPreviousData,
    // A refused search (400) is refused again; only a failure on the way is worth another try.
    retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 3,
  });
  const rows = list.data?.slice(0, PAGE) ?? [];
  const hasNext = (list.data?.length ?? 0) > PAGE;

  function find(event: FormEvent) {
    event.preventDefault();
    setSearch(text.trim());
    setOffset(0);
  }

  const confirm = (user: AdminUser, action: UserAction) => (
    <UserActions
      user={user}
      action={action}
      onStart={() => {
        setOutcome('');
        setIssued(null);
      }}
      onDone={(message, link) => {
        setOutcome(message);
        if (link) setIssued({ email: user.email, link });
        setChosen(null);
      }}
      onCancel={() => setChosen(null)}
    />
  );

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <p className="muted">
        Suspending ends every session at once, refuses sign-in and halts the trader in Risk (access tokens already
        issued last up to 15 minutes). Reinstating restores sign-in only: resume trading in One trader below (copy the
        id from the row). A reset link lets a trader who lost their password set a new one.
      </p>
      <form className="filters" onSubmit={find} aria-label="Find users" noValidate>
        <TextField
          label="Email, name or user id"
          className="admin__search"
          value={text}
          maxLength={MAX_SEARCH}
          onChange={(e) => setText(e.target.value)}
          error={fieldMessages(list.error).search}
        />
        <div className="filters__actions">
          <label className="check">
            <input
              type="checkbox"
              checked={suspendedOnly}
              onChange={(e) => {
                setSuspendedOnly(e.target.checked);
                setOffset(0);
              }}
            />
            Suspended only
          </label>
          <button type="submit" className="button">
            Search
          </button>
        </div>
      </form>
      {list.error ? <ErrorAlert error={list.error} shownFields={['search']} /> : null}
      <p className="alert__message" role="status">
        {outcome}
      </p>
      {issued ? <ResetLinkNotice email={issued.email} link={issued.link} /> : null}
      {list.data && rows.length === 0 ? (
        <p className="muted">{search ? `No ${suspendedOnly ? 'suspended ' : ''}user matches “${search}”.` : suspendedOnly ? 'No user is suspended.' : 'No users yet.'}</p>
      ) : null}
      {rows.length > 0 ? <UsersTable rows={rows} chosen={chosen} onChoose={(id, action) => setChosen({ id, action })} onOpenTrader={onOpenTrader} confirm={confirm} /> : null}
      <OffsetPager
        label="User pages"
        rangeTestId="users-range"
        offset={offset}
        shown={rows.length}
        pageSize={PAGE}
        hasNext={hasNext}
        busy={list.isFetching}
        onOffset={setOffset}
      />
    </section>
  );
}

/** The confirmation opens under its row, so the operator sees whom it is about. */
function UsersTable({
  rows,
  chosen,
  onChoose,
  onOpenTrader,
  confirm,
}: {
  rows: AdminUser[];
  chosen: { id: string; action: UserAction } | null;
  onChoose: (id: string, action: UserAction) => void;
  onOpenTrader: (id: string) => void;
  confirm: (user: AdminUser, action: UserAction) => ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className="table admin__users" aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Subscription</th>
            <th scope="col">Joined</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => {
            const open = chosen?.id === u.id ? chosen.action : null;
            return (
              <Fragment key={u.id}>
                <tr className={open ? 'admin__chosen' : undefined}>
                  <th scope="row">
                    <span className="admin__clip" title={u.email}>{u.email}</span>
                    <div className="muted">
                      <span className="admin__user-id">{u.id}</span>{' '}
                      <button type="button" className="admin__open-trader" onClick={() => onOpenTrader(u.id)} aria-label={`Risk controls for ${u.email}`}>
                        Risk ▸
                      </button>
                    </div>
                  </th>
                  <td>
                    <span className="admin__clip admin__clip--short" title={u.displayName}>
                      {u.displayName}
                    </span>
                  </td>
                  <td>{u.role}</td>
                  <td>{statusLabels[u.subscriptionStatus] ?? u.subscriptionStatus}</td>
                  <td title={when(u.createdAt)}>{day(u.createdAt)}</td>
                  <td className="admin__status">
                    {u.suspendedAt ? (
                      <span className="admin__suspended">
                        Suspended {when(u.suspendedAt)}: {u.suspendedReason ?? 'no reason given'}
                      </span>
                    ) : (
                      <span className="muted">Active</span>
                    )}
                  </td>
                  <td>
                    <div className="admin__row-actions">
                      {u.suspendedAt ? (
                        <button type="button" className="button button--ghost button--small" onClick={() => onChoose(u.id, 'reinstate')}>
                          Reinstate…
                        </button>
                      ) : (
                        <button type="button" className="button button--ghost button--small button--warn-text" onClick={() => onChoose(u.id, 'suspend')}>
                          Suspend…
                        </button>
                      )}
                      <button type="button" className="button button--ghost button--small" onClick={() => onChoose(u.id, 'sessions/end')}>
                        Sign out everywhere…
                      </button>
                      <button type="button" className="button button--ghost button--small" onClick={() => onChoose(u.id, 'password-reset')}>
                        Reset link…
                      </button>
                    </div>
                  </td>
                </tr>
                {open ? (
                  <tr className="admin__confirm-row">
                    <td colSpan={COLUMNS}>{confirm(u, open)}</td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
