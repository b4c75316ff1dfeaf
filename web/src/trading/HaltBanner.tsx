import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useAuth } from '../auth/AuthContext';
import { ErrorAlert } from '../components/ErrorAlert';
import { resumeTrading } from './useAccountHubState';
import type { Halt, HaltState } from './types';

const titles: Record<string, string> = {
  'risk.daily_loss_halt': 'Daily loss limit reached',
  'risk.drawdown_halt': 'Drawdown limit breached',
  'risk.kill_switch': 'Trading stopped by an administrator',
};

function when(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date.toLocaleString();
}

/**
 * One banner per halt in force, with its reason. A drawdown halt lasts until the user acknowledges the loss and
 * resumes; the others say when (or by whom) they end. Closing and reducing orders pass either way.
 */
export function HaltBanner({ halt, onResumed }: { halt: HaltState; onResumed: (state: HaltState) => void }) {
  if (!halt.halted || halt.halts.length === 0) return null;
  return (
    <div className="halts">
      {halt.halts.map((h) => (
        <HaltEntry key={h.code} halt={h} onResumed={onResumed} />
      ))}
    </div>
  );
}

function HaltEntry({ halt, onResumed }: { halt: Halt; onResumed: (state: HaltState) => void }) {
  const { api } = useAuth();
  const [acknowledged, setAcknowledged] = useState(false);
  const resume = useMutation({
    mutationFn: () => resumeTrading(api, 'Drawdown acknowledged on the dashboard'),
    onSuccess: (state) => onResumed(state),
  });
  const since = when(halt.since ?? halt.haltedAt);
  const until = when(halt.until);
  const canResume = halt.canResume ?? halt.code === 'risk.drawdown_halt';

  return (
    <div className="alert alert--error halt" role="alert" data-testid="halt-banner" data-code={halt.code}>
      <div className="halt__text">
        <p className="alert__message">
          <strong>Trading halted — {titles[halt.code] ?? 'risk limit'}.</strong> {halt.reason}
        </p>
        <p className="halt__meta">
          {since ? `Since ${since}. ` : ''}
          {until ? `New positions can be opened again from ${until}. ` : ''}
          Orders that reduce or close a position still go through.
        </p>
        {resume.error ? <ErrorAlert error={resume.error} /> : null}
      </div>
      {canResume && (
        <div className="halt__actions">
          <label className="check">
            <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
            I acknowledge the loss and want to trade again
          </label>
          <button
            type="button"
            className="button button--primary"
            disabled={!acknowledged || resume.isPending}
            onClick={() => resume.mutate()}
          >
            {resume.isPending ? 'Resuming…' : 'Resume trading'}
          </button>
        </div>
      )}
    </div>
  );
}
