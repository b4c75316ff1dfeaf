namespace TradeNova.Trading.Strategies.BuiltIn;

/// <summary>Parameters of <see cref="BuyAndHoldStrategy"/>: the symbols to buy, in equal parts.</summary>
public sealed record BuyAndHoldParameters(IReadOnlyList<string> Symbols) : IStrategyParameters
{
    public const int MaxSymbols = 50;

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        ParameterChecks.Symbols(errors, "symbols", Symbols, minimum: 1);
        if (Symbols is { Count: > MaxSymbols })
            errors.Add(new FieldError("symbols", $"At most {MaxSymbols} symbols."));
        return errors;
    }
}
