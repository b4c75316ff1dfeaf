import { useId } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { describeUserAgent, sessionsKey } from './sessions';

const moment = (iso: string) => new Date(iso).toLocaleString();

/** Where the user is signed in: every session that can still refresh, this browser's marked; any other can be ended. */
export function SessionsList() {
  const { api } = useAuth();
  const id = useId();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => api.listSessions(signal) });
  const end = useMutation({
    mutationFn: (sessionId: string) => api.endSession(sessionId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });

  return (
    <section className="panel account__section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Where you are signed in</h2>
      <p className="muted">
        Each sign-in on a device or browser, with when it was last refreshed and from which address. Signing one out ends
        it within 15 minutes at the most.
      </p>
      {sessions.error ? <ErrorAlert error={sessions.error} /> : null}
      {end.error ? <ErrorAlert error={end.error} /> : null}
      {sessions.data ? (
        <ul className="account__sessions" aria-label="Sessions">
          {sessions.data.map((session) => (
            <li key={session.id} className="account__session">
              <div>
                <strong>{describeUserAgent(session.userAgent)}</strong>
                {session.current ? <span className="account__this"> · This browser</span> : null}
                <div className="muted" title={session.userAgent ?? undefined}>
                  {session.clientAddress ?? 'Unknown address'} · signed in {moment(session.signedInAt)} · last active{' '}
                  {moment(session.lastActiveAt)}
                </div>
              </div>
              {session.current ? null : (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  disabled={end.isPending}
                  onClick={() => end.mutate(session.id)}
                  aria-label={`Sign out ${describeUserAgent(session.userAgent)} signed in ${moment(session.signedInAt)}`}
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
