namespace TradeNova.Trading.Strategies;

/// <summary>One invalid input, named by its field (a parameter name, or a JSON path such as
/// <c>$.entry.all[1].left.period</c> for rule strategies), so an API can return it as a validation problem.</summary>
public sealed record FieldError(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
