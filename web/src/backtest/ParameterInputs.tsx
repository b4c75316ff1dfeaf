import { rangeText, type FieldErrors } from './parameterFields';
import type { StrategyInfo } from './types';

/**
 * A catalogue strategy's parameters as inputs, with the catalogue's ranges as hints and errors by the API's field names
 * (`strategy.parameters.<name>`). The lab and the live strategies page share it, as they share the catalogue.
 */
export function ParameterInputs({
  strategy,
  values,
  errors,
  onChange,
  symbolHint = 'SPX = bundled S&P 500',
  symbolsHint = 'comma separated',
}: {
  strategy: StrategyInfo | undefined;
  values: Record<string, string>;
  errors: FieldErrors;
  onChange: (values: Record<string, string>) => void;
  symbolHint?: string;
  symbolsHint?: string;
}) {
  return (
    <div className="bt-row">
      {strategy?.parameters.map((p) => {
        const error = errors[`strategy.parameters.${p.name}`];
        const numeric = p.type === 'integer' || p.type === 'number';
        return (
          <label key={p.name} className={error ? 'field field--invalid' : 'field'}>
            <span>{p.label}</span>
            <input
              name={`param-${p.name}`}
              type={numeric ? 'number' : 'text'}
              step={p.type === 'integer' ? 1 : 'any'}
              min={p.minimum ?? undefined}
              max={p.maximum ?? undefined}
              value={values[p.name] ?? ''}
              onChange={(e) => onChange({ ...values, [p.name]: e.target.value })}
            />
            <span className="field__hint">{numeric ? rangeText(p) : p.type === 'symbols' ? symbolsHint : symbolHint}</span>
            {error ? <span className="field__error">{error}</span> : null}
          </label>
        );
      })}
    </div>
  );
}
