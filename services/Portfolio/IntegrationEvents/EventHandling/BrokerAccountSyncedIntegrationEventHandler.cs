using MassTransit;
using TradeNova.Contracts.Execution;
using TradeNova.Contracts.Portfolio;
using TradeNova.Portfolio.Reconciliation;
using TradeNova.Portfolio.Valuation;
using TradeNova.ServiceDefaults.Messaging.Inbox;
using TradeNova.ServiceDefaults.Messaging.Outbox;

namespace TradeNova.Portfolio.IntegrationEvents.EventHandling;

/// <summary>
/// The broker is the truth of the live account. The first report opens the user's live portfolio with the broker's
/// cash and positions (never the paper starting cash); every later one reconciles it: cash and positions become the
/// broker's (plus fills applied since the report), each difference corrected is recorded and logged, and the portfolio
/// is revalued (staging <c>PortfolioValued</c> with mode <c>live</c>). A report not newer than the last applied one
/// changes nothing, so a redelivery or a late duplicate is harmless.
/// </summary>
public sealed partial class BrokerAccountSyncedIntegrationEventHandler(
    PortfolioContext db, PortfolioRevaluation revaluation, IOutbox outbox, TimeProvider time, ILogger<BrokerAccountSyncedIntegrationEventHandler> logger)
    : InboxConsumer<PortfolioContext, BrokerAccountSynced>(db)
{
    protected override async Task HandleAsync(ConsumeContext<BrokerAccountSynced> context, CancellationToken cancellationToken)
    {
        var report = context.Message;
        using var activity = PortfolioTelemetry.ActivitySource.StartActivity("reconcile live portfolio");
        activity?.SetTag("tradenova.user_id", report.UserId);
        var now = time.GetUtcNow();
        var portfolio = await Db.Portfolios
            .FromSql($"SELECT * FROM portfolio.portfolios WHERE user_id = {report.UserId} AND mode = {PortfolioAccounts.Live} FOR UPDATE")
            .SingleOrDefaultAsync(cancellationToken);
        if (portfolio is null)
        {
            await OpenAsync(report, now, cancellationToken);
            return;
        }

        if (portfolio.BrokerSyncedAt is { } applied && report.AsOf <= applied)
        {
            return;
        }

        var positions = await Db.Positions.Where(p => p.PortfolioId == portfolio.Id).ToListAsync(cancellationToken);
        var since = await Db.Fills.AsNoTracking()
            .Where(f => f.PortfolioId == portfolio.Id && f.FilledAt > report.AsOf)
            .OrderBy(f => f.FilledAt).ThenBy(f => f.FillId)
            .Select(f => new FillSinceReport(f.Symbol, f.Side == "buy", f.Quantity, f.Price, f.Fee))
            .ToListAsync(cancellationToken);
        var plan = BrokerReconciliation.Plan(
            portfolio.Cash, positions.Select(p => new HeldPosition(p.Symbol, p.Quantity, p.AverageCost)).ToList(), report.Cash, report.Positions, since);

        if (!string.Equals(portfolio.BrokerAccountNumber, report.AccountNumber, StringComparison.Ordinal))
        {
            LogAccountNumberChanged(report.UserId, portfolio.BrokerAccountNumber, report.AccountNumber);
            portfolio.BrokerAccountNumber = report.AccountNumber;
        }

        foreach (var difference in plan.Differences)
        {
            LogCorrected(report.UserId, difference.Kind, difference.Symbol, difference.PortfolioValue, difference.BrokerValue, report.AsOf);
            Db.Reconciliations.Add(new ReconciliationEntry
            {
                PortfolioId = portfolio.Id,
                UserId = report.UserId,
                Kind = difference.Kind,
                Symbol = difference.Symbol,
                PortfolioValue = difference.PortfolioValue,
                BrokerValue = difference.BrokerValue,
                AsOf = report.AsOf,
                CorrectedAt = now,
            });
        }

        portfolio.Cash = plan.Cash;
        portfolio.BrokerSyncedAt = report.AsOf;
        Apply(portfolio.Id, positions, plan.Positions, report, now);
        if (plan.Differences.Count > 0)
        {
            // A correction is always announced (Risk takes positions from the valuation), even where equity came out equal.
            portfolio.ValuedAt = null;
        }

        await revaluation.ApplyAsync(portfolio, positions, now, appliedFill: null, cancellationToken);
    }

    private async Task OpenAsync(BrokerAccountSynced report, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var portfolio = new UserPortfolio
        {
            Id = Guid.CreateVersion7(now),
            UserId = report.UserId,
            Mode = PortfolioAccounts.Live,
            Currency = PortfolioDefaults.Currency,
            OpenedAt = now,
            BrokerAccountNumber = report.AccountNumber,
            BrokerSyncedAt = report.AsOf,
        };
        portfolio.OpenWith(report.Cash, now);
        // The session starts (and the peak stands) at the broker's equity, not at the cash alone.
        portfolio.StartOfDayEquity = report.Equity;
        portfolio.PeakEquity = report.Equity;
        portfolio.Equity = report.Equity;
        portfolio.ValuedAt = null;
        Db.Portfolios.Add(portfolio);
        var positions = new List<Position>();
        var plan = BrokerReconciliation.Plan(report.Cash, [], report.Cash, report.Positions, []);
        Apply(portfolio.Id, positions, plan.Positions, report, now);
        outbox.Add(new PortfolioOpened(report.UserId, portfolio.Id, portfolio.Cash, now, PortfolioAccounts.Live));
        LogOpened(report.UserId, report.AccountNumber);
        await revaluation.ApplyAsync(portfolio, positions, now, appliedFill: null, cancellationToken);
    }

    /// <summary>Makes the tracked positions the plan's; prices come from the broker's market values.</summary>
    private void Apply(Guid portfolioId, List<Position> positions, IReadOnlyList<HeldPosition> target, BrokerAccountSynced report, DateTimeOffset now)
    {
        var brokerPrices = report.Positions
            .Where(p => p.Quantity != 0m)
            .GroupBy(p => p.Symbol.Trim().ToUpperInvariant())
            .ToDictionary(g => g.Key, g => Math.Round(g.First().MarketValue / g.First().Quantity, 6, MidpointRounding.AwayFromZero), StringComparer.Ordinal);
        foreach (var stale in positions.Where(p => target.All(t => t.Symbol != p.Symbol)).ToList())
        {
            Db.Positions.Remove(stale);
            positions.Remove(stale);
        }

        foreach (var wanted in target)
        {
            var position = positions.FirstOrDefault(p => p.Symbol == wanted.Symbol);
            if (position is null)
            {
                position = new Position { PortfolioId = portfolioId, Symbol = wanted.Symbol, OpenedAt = report.AsOf };
                Db.Positions.Add(position);
                positions.Add(position);
            }

            position.Quantity = wanted.Quantity;
            position.AverageCost = wanted.AverageCost;
            if (brokerPrices.TryGetValue(wanted.Symbol, out var price) && price > 0m)
            {
                position.LastPrice = price;
            }
            else if (position.LastPrice <= 0m)
            {
                position.LastPrice = wanted.AverageCost;
            }

            position.UpdatedAt = now;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Opened the live portfolio of user {UserId} from broker account {AccountNumber}")]
    private partial void LogOpened(Guid userId, string accountNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live portfolio of user {UserId} differed from the broker: {Kind} {Symbol} was {PortfolioValue}, the broker has {BrokerValue} (as of {AsOf}); corrected")]
    private partial void LogCorrected(Guid userId, string kind, string? symbol, decimal portfolioValue, decimal brokerValue, DateTimeOffset asOf);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker account of user {UserId} changed from {Previous} to {Current}")]
    private partial void LogAccountNumberChanged(Guid userId, string? previous, string current);
}
