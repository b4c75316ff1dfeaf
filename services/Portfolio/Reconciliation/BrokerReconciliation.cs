using TradeNova.Contracts.Execution;
using TradeNova.Portfolio.Accounting;

namespace TradeNova.Portfolio.Reconciliation;

/// <summary>
/// The broker is the truth of the live account, pure: the target is the broker's cash and positions as reported, with the
/// fills the portfolio applied after the report (<paramref name="since"/>, oldest first) applied on top by the same
/// average-cost accounting, so a report that is older than a fill does not undo it. Every figure of the portfolio that
/// differs from the target is a difference: cash to the cent, quantities to six decimals, average prices to four.
/// </summary>
public static class BrokerReconciliation
{
    public const string Cash = "cash";
    public const string Quantity = "quantity";
    public const string AveragePrice = "average_price";

    public static ReconciliationPlan Plan(
        decimal cash, IReadOnlyList<HeldPosition> held, decimal brokerCash, IReadOnlyList<BrokerPosition> broker, IReadOnlyList<FillSinceReport> since)
    {
        var target = new Dictionary<string, PositionState>(StringComparer.Ordinal);
        foreach (var position in broker.Where(p => p.Quantity != 0m))
        {
            var symbol = Normalize(position.Symbol);
            target[symbol] = new PositionState(Math.Round(position.Quantity, 6), Math.Round(position.AverageEntryPrice, 6, MidpointRounding.AwayFromZero));
        }

        var targetCash = FillAccounting.Cents(brokerCash);
        foreach (var fill in since)
        {
            var symbol = Normalize(fill.Symbol);
            var outcome = FillAccounting.Apply(target.GetValueOrDefault(symbol, PositionState.Flat), fill.IsBuy, fill.Quantity, fill.Price, fill.Fee);
            target[symbol] = outcome.Position;
            targetCash += outcome.CashChange;
        }

        var differences = new List<ReconciliationDifference>();
        var ownCash = FillAccounting.Cents(cash);
        if (ownCash != targetCash)
        {
            differences.Add(new ReconciliationDifference(Cash, null, ownCash, targetCash));
        }

        var own = held.Where(p => p.Quantity != 0m).ToDictionary(p => Normalize(p.Symbol), StringComparer.Ordinal);
        foreach (var symbol in own.Keys.Union(target.Keys).Order(StringComparer.Ordinal))
        {
            var mine = own.TryGetValue(symbol, out var position) ? new PositionState(position.Quantity, position.AverageCost) : PositionState.Flat;
            var theirs = target.GetValueOrDefault(symbol, PositionState.Flat);
            if (Math.Round(mine.Quantity, 6) != Math.Round(theirs.Quantity, 6))
            {
                differences.Add(new ReconciliationDifference(Quantity, symbol, mine.Quantity, theirs.Quantity));
            }
            else if (mine.Quantity != 0m && Math.Round(mine.AverageCost, 4) != Math.Round(theirs.AverageCost, 4))
            {
                differences.Add(new ReconciliationDifference(AveragePrice, symbol, mine.AverageCost, theirs.AverageCost));
            }
        }

        var positions = target.Where(p => p.Value.Quantity != 0m)
            .Select(p => new HeldPosition(p.Key, p.Value.Quantity, p.Value.AverageCost))
            .OrderBy(p => p.Symbol, StringComparer.Ordinal)
            .ToList();
        return new ReconciliationPlan(targetCash, positions, differences);
    }

    private static string Normalize(string symbol) => symbol.Trim().ToUpperInvariant();
}
