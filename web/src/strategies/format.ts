import type { StrategyRun } from './types';

const stopReasons: Record<string, string> = {
  user: 'Stopped by you',
  'risk-halt': 'Stopped: risk halted trading',
  'kill-switch': 'Stopped: admin kill switch',
  'subscription-lapsed': 'Stopped: subscription lapsed',
  error: 'Stopped after an error',
};

/** "Running", or why the run stopped, as a user reads it. */
export function statusText(run: Pick<StrategyRun, 'status' | 'stopReason'>): string {
  if (run.status === 'running') return 'Running';
  if (run.status !== 'stopped') return run.status;
  return (run.stopReason && stopReasons[run.stopReason]) ?? (run.stopReason ? `Stopped: ${run.stopReason}` : 'Stopped');
}

/** A moment as the time alone when it is today, else with the date; missing → an em dash. */
export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toDateString() === new Date().toDateString() ? date.toLocaleTimeString() : date.toLocaleString();
}
