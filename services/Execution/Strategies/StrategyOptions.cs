namespace TradeNova.Execution.Strategies;

/// <summary>Bound from <c>TradeNova:Strategies</c>.</summary>
public sealed class StrategyOptions
{
    /// <summary>How long an instance owns a run without renewing; a crashed owner's runs are taken over after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an owner renews its leases and looks for runs nobody owns.</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the runner looks for bars that have closed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Running strategies per user.</summary>
    public int MaxRunningPerUser { get; set; } = 5;

    /// <summary>The allocation bound of a paper account before Portfolio's first <c>PortfolioValued</c> (its opening cash).</summary>
    public decimal DefaultPaperEquity { get; set; } = 10_000m;

    /// <summary>How long after a window's end a live run decides it without a later Alpaca bar (a minute without trades
    /// has no bar; Alpaca sends each minute's bars just after it closes).</summary>
    public TimeSpan LiveBarSettle { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Windows a live run missed (stream down, instance restarted) that it still decides one by one; older ones are skipped.</summary>
    public int LiveCatchUpWindows { get; set; } = 120;

    /// <summary>The pause before bars that could not be fetched over REST are asked for again.</summary>
    public TimeSpan LiveBarRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a live run whose user had no keys connected looks for them again.</summary>
    public TimeSpan LiveAttachRetry { get; set; } = TimeSpan.FromSeconds(15);
}
