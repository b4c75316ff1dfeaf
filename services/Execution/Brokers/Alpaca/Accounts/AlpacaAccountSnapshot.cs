using TradeNova.Execution.Brokers.Alpaca.Dto;

namespace TradeNova.Execution.Brokers.Alpaca.Accounts;

/// <summary>
/// Reads an account and its positions as one picture. Alpaca answers them in two requests, so a fill between the two would
/// pair the cash from before it with the positions from after it (or the reverse). The positions are therefore read on
/// both sides of the account: when both readings hold the same quantities, no fill landed in between and the account
/// belongs to them; otherwise the account is read again, up to <c>attempts</c> times.
/// </summary>
public static class AlpacaAccountSnapshot
{
    public const int DefaultAttempts = 3;

    /// <summary>The account and the positions around it, or null when the holdings kept changing on every attempt.</summary>
    public static async Task<(AlpacaAccount Account, IReadOnlyList<AlpacaPosition> Positions)?> ReadAsync(
        Func<CancellationToken, Task<AlpacaAccount>> readAccount,
        Func<CancellationToken, Task<IReadOnlyList<AlpacaPosition>>> readPositions,
        int attempts,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var before = await readPositions(cancellationToken);
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var account = await readAccount(cancellationToken);
            var after = await readPositions(cancellationToken);
            if (SameHoldings(before, after))
            {
                return (account, after);
            }

            before = after;
        }

        return null;
    }

    /// <summary>Whether two readings hold the same quantity on each side of each symbol (prices may move between them).</summary>
    public static bool SameHoldings(IReadOnlyList<AlpacaPosition> first, IReadOnlyList<AlpacaPosition> second) =>
        Holdings(first).SetEquals(Holdings(second));

    private static HashSet<(string Symbol, string? Side, decimal Quantity)> Holdings(IReadOnlyList<AlpacaPosition> positions) =>
        positions.Where(p => p.Qty != 0m)
            .Select(p => (p.Symbol.ToUpperInvariant(), p.Side?.ToLowerInvariant(), Math.Abs(p.Qty)))
            .ToHashSet();
}
