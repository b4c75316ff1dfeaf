namespace TradeNova.Trading.Strategies;

/// <summary>Typed parameters of a strategy. Validation reports every problem at once, by field, instead of throwing on
/// the first, so a user can fix a form in one go.</summary>
public interface IStrategyParameters
{
    IReadOnlyList<FieldError> Validate();
}
