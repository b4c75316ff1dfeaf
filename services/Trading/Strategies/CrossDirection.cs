namespace TradeNova.Trading.Strategies;

public enum CrossDirection
{
    None,

    /// <summary>The first series was at or below the second on the previous bar and is above it now.</summary>
    Above,

    /// <summary>The first series was at or above the second on the previous bar and is below it now.</summary>
    Below,
}
