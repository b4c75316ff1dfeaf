namespace TradeNova.Execution.Brokers.Alpaca.Accounts;

/// <summary><c>TradeNova:Alpaca:AccountSync</c>: how often each connected user's broker account is reported to Portfolio.</summary>
public sealed class AlpacaAccountSyncOptions
{
    /// <summary>Every connected account is read (3 requests: positions, account, positions again) at least this often.
    /// At 60 s that is 3 of Alpaca's 200 requests a minute per key.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the sweep looks for accounts that are due: new or changed connections, requested ones (after a
    /// reconciliation or a fill) and those whose interval has passed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
