import type { Catalog } from './types';
import { operand, type FieldErrors, type RuleCondition, type RuleDraft, type RuleGroup, type RuleOperand } from './formModel';

/** Builds a JSON rule strategy from choices: conditions over prices, numbers and indicators; no code is typed. */
export function RuleBuilder({ rule, catalog, errors, onChange }: {
  rule: RuleDraft;
  catalog: Catalog;
  errors: FieldErrors;
  onChange: (rule: RuleDraft) => void;
}) {
  const setGroup = (part: 'entry' | 'exit', group: RuleGroup) => onChange({ ...rule, [part]: group });
  return (
    <div className="bt-rules" data-testid="rule-builder">
      <div className="bt-row">
        <label className="field">
          <span>Symbol</span>
          <input value={rule.symbol} onChange={(e) => onChange({ ...rule, symbol: e.target.value })} />
        </label>
        <label className="field">
          <span>Buy with this fraction of equity</span>
          <input type="number" min="0.01" max="1" step="0.01" value={rule.fractionOfEquity}
            onChange={(e) => onChange({ ...rule, fractionOfEquity: e.target.value })} />
          {errors['strategy.parameters.sizing.fractionOfEquity'] ? <span className="field__error">{errors['strategy.parameters.sizing.fractionOfEquity']}</span> : null}
        </label>
      </div>
      {(['entry', 'exit'] as const).map((part) => (
        <fieldset key={part} className="bt-rules__group">
          <legend>
            {part === 'entry' ? 'Buy when' : 'Sell when'}{' '}
            <select aria-label={`${part} combine`} value={rule[part].combine}
              onChange={(e) => setGroup(part, { ...rule[part], combine: e.target.value as 'all' | 'any' })}>
              <option value="all">all of these hold</option>
              <option value="any">any of these holds</option>
            </select>
          </legend>
          {rule[part].conditions.map((condition, i) => (
            <ConditionRow key={i} catalog={catalog} condition={condition}
              error={Object.entries(errors).find(([k]) => k.startsWith(`strategy.parameters.${part}.${rule[part].combine}[${i}]`))?.[1]}
              onChange={(next) => setGroup(part, { ...rule[part], conditions: rule[part].conditions.map((c, j) => (j === i ? next : c)) })}
              onRemove={() => setGroup(part, { ...rule[part], conditions: rule[part].conditions.filter((_, j) => j !== i) })} />
          ))}
          <button type="button" className="button button--ghost"
            onClick={() => setGroup(part, { ...rule[part], conditions: [...rule[part].conditions, { left: operand('price'), op: '>', right: operand('indicator') }] })}>
            + Condition
          </button>
          {errors[`strategy.parameters.${part}`] ? <p className="field__error">{errors[`strategy.parameters.${part}`]}</p> : null}
        </fieldset>
      ))}
    </div>
  );
}

function ConditionRow({ catalog, condition, error, onChange, onRemove }: {
  catalog: Catalog;
  condition: RuleCondition;
  error: string | undefined;
  onChange: (c: RuleCondition) => void;
  onRemove: () => void;
}) {
  return (
    <div className="bt-rules__condition">
      <OperandPicker catalog={catalog} value={condition.left} onChange={(left) => onChange({ ...condition, left })} />
      <select aria-label="operator" value={condition.op} onChange={(e) => onChange({ ...condition, op: e.target.value })}>
        {catalog.ruleLanguage.operators.map((op) => (
          <option key={op} value={op}>{op === 'crossesAbove' ? 'crosses above' : op === 'crossesBelow' ? 'crosses below' : op}</option>
        ))}
      </select>
      <OperandPicker catalog={catalog} value={condition.right} onChange={(right) => onChange({ ...condition, right })} />
      <button type="button" className="button button--ghost" aria-label="remove condition" onClick={onRemove}>×</button>
      {error ? <span className="field__error">{error}</span> : null}
    </div>
  );
}

function OperandPicker({ catalog, value, onChange }: { catalog: Catalog; value: RuleOperand; onChange: (o: RuleOperand) => void }) {
  const info = catalog.ruleLanguage.indicators.find((i) => i.name === value.indicator);
  return (
    <span className="bt-rules__operand">
      <select aria-label="operand kind" value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as RuleOperand['kind'] })}>
        <option value="price">price</option>
        <option value="indicator">indicator</option>
        <option value="number">number</option>
      </select>
      {value.kind === 'price' ? (
        <select aria-label="price" value={value.price} onChange={(e) => onChange({ ...value, price: e.target.value })}>
          {catalog.ruleLanguage.prices.map((p) => <option key={p}>{p}</option>)}
        </select>
      ) : null}
      {value.kind === 'number' ? (
        <input aria-label="number" type="number" value={value.value} onChange={(e) => onChange({ ...value, value: e.target.value })} />
      ) : null}
      {value.kind === 'indicator' ? (
        <>
          <select aria-label="indicator" value={value.indicator} onChange={(e) => onChange({ ...value, indicator: e.target.value, output: '' })}>
            {catalog.ruleLanguage.indicators.map((i) => <option key={i.name}>{i.name}</option>)}
          </select>
          {info?.settings.some((s) => s.name === 'period') ? (
            <input aria-label="period" type="number" min={1} max={catalog.ruleLanguage.maxPeriod} value={value.period}
              onChange={(e) => onChange({ ...value, period: e.target.value })} />
          ) : null}
          {info && info.outputs.length > 1 ? (
            <select aria-label="output" value={value.output || info.outputs[0]} onChange={(e) => onChange({ ...value, output: e.target.value })}>
              {info.outputs.map((o) => <option key={o}>{o}</option>)}
            </select>
          ) : null}
        </>
      ) : null}
    </span>
  );
}
