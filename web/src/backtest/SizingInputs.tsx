import type { SizingChoice, SizingMode } from './formModel';

const modes: { mode: SizingMode; label: string }[] = [
  { mode: 'strategy', label: 'strategy default' },
  { mode: 'all-cash', label: 'all cash' },
  { mode: 'percent-of-equity', label: 'percent of equity' },
  { mode: 'fixed-shares', label: 'fixed shares' },
  { mode: 'fixed-dollars', label: 'fixed dollars' },
];

/** How entries are sized, for a backtest or a live run: the mode, and its amount when it takes one. */
export function SizingInputs({
  choice,
  onChange,
  error,
}: {
  choice: SizingChoice;
  onChange: (patch: Partial<SizingChoice>) => void;
  error?: string;
}) {
  return (
    <>
      <label className="field">
        <span>Position size</span>
        <select name="sizingMode" value={choice.sizingMode} onChange={(e) => onChange({ sizingMode: e.target.value as SizingMode })}>
          {modes.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </select>
      </label>
      {choice.sizingMode !== 'strategy' && choice.sizingMode !== 'all-cash' ? (
        <label className={error ? 'field field--invalid' : 'field'}>
          <span>{choice.sizingMode === 'percent-of-equity' ? 'Percent of equity' : choice.sizingMode === 'fixed-shares' ? 'Shares' : 'Dollars'}</span>
          <input type="number" name="sizingValue" value={choice.sizingValue} onChange={(e) => onChange({ sizingValue: e.target.value })} />
          {error ? <span className="field__error">{error}</span> : null}
        </label>
      ) : null}
    </>
  );
}
