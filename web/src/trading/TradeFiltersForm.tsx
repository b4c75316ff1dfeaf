import { useState, type FormEvent } from 'react';
import { noRangeFilters, rangeError, type RangeFilters } from './query';

type Draft = RangeFilters;

/** Symbol, side and a UTC date range; applied together so typing a symbol does not fire a request per key. */
export function TradeFiltersForm({
  value,
  onApply,
  label = 'Trade filters',
}: {
  value: RangeFilters;
  onApply: (draft: Draft) => void;
  label?: string;
}) {
  const [draft, setDraft] = useState<Draft>({ symbol: value.symbol, side: value.side, from: value.from, to: value.to });
  const error = rangeError(draft.from, draft.to);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!error) onApply({ ...draft, symbol: draft.symbol.trim().toUpperCase() });
  }

  function reset() {
    const empty = { ...noRangeFilters };
    setDraft(empty);
    onApply(empty);
  }

  return (
    <form className="filters" onSubmit={submit} aria-label={label} noValidate>
      <label className="field">
        Symbol
        <input value={draft.symbol} placeholder="Any" maxLength={12} onChange={(e) => set({ symbol: e.target.value })} />
      </label>
      <label className="field">
        Side
        <select value={draft.side} onChange={(e) => set({ side: e.target.value as Draft['side'] })}>
          <option value="">Buys and sells</option>
          <option value="buy">Buys</option>
          <option value="sell">Sells</option>
        </select>
      </label>
      <label className="field">
        From (UTC)
        <input type="date" value={draft.from} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="field">
        To (UTC)
        <input type="date" value={draft.to} onChange={(e) => set({ to: e.target.value })} aria-invalid={error ? true : undefined} />
        {error ? (
          <span className="field__error" role="alert">
            {error}
          </span>
        ) : null}
      </label>
      <div className="filters__actions">
        <button type="submit" className="button" disabled={Boolean(error)}>
          Apply
        </button>
        <button type="button" className="button button--ghost" onClick={reset}>
          Reset
        </button>
      </div>
    </form>
  );
}
