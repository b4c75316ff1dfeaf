namespace TradeNova.Execution.Brokers.Alpaca;

/// <summary>
/// <c>TradeNova:Alpaca</c>. The endpoints default to Alpaca's documented hosts; tests point them at a loopback server.
/// The limits follow Alpaca's documented rate limit of 200 requests per minute per API key.
/// </summary>
public sealed class AlpacaOptions
{
    public Uri PaperTradingUrl { get; set; } = new("https://paper-api.alpaca.markets");

    public Uri LiveTradingUrl { get; set; } = new("https://api.alpaca.markets");

    public Uri DataUrl { get; set; } = new("https://data.alpaca.markets");

    public Uri PaperStreamUrl { get; set; } = new("wss://paper-api.alpaca.markets/stream");

    public Uri LiveStreamUrl { get; set; } = new("wss://api.alpaca.markets/stream");

    /// <summary>Market-data feed: <c>iex</c> works on every plan, <c>sip</c> needs a paid one.</summary>
    public string DataFeed { get; set; } = "iex";

    public int RequestsPerMinute { get; set; } = 200;

    /// <summary>The window <see cref="RequestsPerMinute"/> counts over; a minute except in tests.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How many calls may wait for a rate-limit permit before one fails as rate limited.</summary>
    public int RateLimitQueue { get; set; } = 400;

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries of idempotent reads only; a submission is never retried.</summary>
    public int ReadRetries { get; set; } = 3;

    public TimeSpan ReadRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public double BreakerFailureRatio { get; set; } = 0.5;

    public int BreakerMinimumThroughput { get; set; } = 10;

    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a submission's outcome is unknown, how often and how far apart to look the order up.</summary>
    public int SubmissionLookups { get; set; } = 3;

    public TimeSpan SubmissionLookupDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StreamReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan StreamMaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the stream waits for Alpaca's answer to auth and listen.</summary>
    public TimeSpan StreamHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a live order's submission attempt holds it: longer than <see cref="TotalTimeout"/>, so an attempt still in flight is never doubled.</summary>
    public TimeSpan SubmissionLease { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>A live order Alpaca has not acknowledged this long after acceptance is not sent any more (rejected instead).</summary>
    public TimeSpan MaxUnsentAge { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the submitter looks for unsent live orders (new ones are handed to it at once).</summary>
    public TimeSpan SubmitterInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the stream supervisor starts missing streams (e.g. after a restart) and stops idle ones.</summary>
    public TimeSpan StreamSweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a live order canceled, replaced or expired here stays watched (stream kept, reconciled after a reconnect):
    /// Alpaca may still fill it before the cancel takes effect there, and that fill counts.
    /// </summary>
    public TimeSpan SettleWindow { get; set; } = TimeSpan.FromMinutes(5);

    public Uri TradingUrl(bool paper) => paper ? PaperTradingUrl : LiveTradingUrl;

    public Uri StreamUrl(bool paper) => paper ? PaperStreamUrl : LiveStreamUrl;
}
