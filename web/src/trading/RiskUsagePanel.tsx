import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorAlert } from '../components/ErrorAlert';
import type { RiskLimitsResponse } from './apiTypes';
import { barWidth, usageRows } from './riskUsage';

/** How close the account is to each of its limits, from Risk's own read model (`GET /api/v1/risk/limits`). */
export function RiskUsagePanel({ limits, linkToSettings = true }: { limits: UseQueryResult<RiskLimitsResponse>; linkToSettings?: boolean }) {
  return (
    <section className="panel risk-usage" aria-labelledby="risk-usage-title">
      <div className="panel__header">
        <h2 id="risk-usage-title">Risk usage</h2>
        {linkToSettings ? (
          <Link to="/risk" className="panel__link">
            Limits
          </Link>
        ) : null}
      </div>
      {limits.error ? (
        <ErrorAlert error={limits.error} />
      ) : !limits.data ? (
        <p className="muted" role="status">
          Loading risk usage…
        </p>
      ) : (
        <ul className="usage" data-testid="risk-usage">
          {usageRows(limits.data.usage, limits.data.limits.maxPositionFraction).map((row) => (
            <li key={row.key} className={`usage__row usage__row--${row.level}`} data-testid={`usage-${row.key}`}>
              <div className="usage__label">
                <span>{row.label}</span>
                <span className="usage__figures">
                  {row.used} <span className="muted">of {row.limit}</span>
                </span>
              </div>
              <div
                className="usage__track"
                role="meter"
                aria-label={row.label}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={Math.round(Math.min(1, Math.max(0, row.usage)) * 100)}
              >
                <div className="usage__bar" style={{ width: barWidth(row.usage) }} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
