using MassTransit;
using Microsoft.Extensions.Options;
using TradeNova.Contracts.Risk;
using TradeNova.Execution.Exchange;

namespace TradeNova.Execution.Orders;

/// <summary>
/// Finishes what a crash interrupted, at start and then periodically. An order in <c>pending_risk</c> whose check is
/// older than the risk timeout (its process died waiting) is checked again — the answer is applied by order id, so a
/// duplicate answer is a no-op — or rejected as <c>risk.unavailable</c> when it is too old to still send. An accepted
/// order the broker never acknowledged is submitted again by its client order id.
/// </summary>
public sealed partial class OrderRecoverySweep(
    IServiceScopeFactory scopes,
    IBusControl bus,
    IOptions<ExecutionOptions> options,
    TimeProvider time,
    ILogger<OrderRecoverySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var warmedUp = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Resumed checks need a working bus; before it is ready they would only time out.
                if (bus.CheckHealth().Status == BusHealthStatus.Healthy)
                {
                    if (!warmedUp)
                    {
                        await WarmUpResponsesAsync(stoppingToken);
                        warmedUp = true;
                    }

                    await SweepAsync(stoppingToken);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(ex);
            }

            await Task.Delay(options.Value.RecoveryInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task WarmUpResponsesAsync(CancellationToken cancellationToken)
    {
        var client = bus.CreateRequestClient<BusWarmUp>(RequestTimeout.After(ms: 500));
        try
        {
            await client.GetResponse<BusWarmUp>(new BusWarmUp(Guid.NewGuid()), cancellationToken);
        }
        catch (RequestTimeoutException)
        {
            // Expected: nobody answers; the response queue is up now.
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        // Twice the timeout: a check still in flight on a live instance is never taken over.
        var stale = now - 2 * settings.RiskTimeout - TimeSpan.FromSeconds(1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var pending = await db.Orders.AsNoTracking()
            .Where(o => o.Status == OrderStatuses.PendingRisk && o.RiskRequestedAt < stale)
            .OrderBy(o => o.CreatedAt).Take(100).ToListAsync(cancellationToken);
        foreach (var order in pending)
        {
            // Claim it: only the instance whose update matches the old timestamp resumes this order.
            var claimed = await db.Orders
                .Where(o => o.Id == order.Id && o.Status == OrderStatuses.PendingRisk && o.RiskRequestedAt == order.RiskRequestedAt)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.RiskRequestedAt, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            LogResuming(order.Id, order.ClientOrderId);
            await using var orderScope = scopes.CreateAsyncScope();
            if (order.CreatedAt < now - settings.MaxPendingRiskAge)
            {
                await orderScope.ServiceProvider.GetRequiredService<OrderAcceptance>().ResolveAsync(order.Id, RiskAnswer.Unavailable with
                {
                    Violations = [new RiskViolation(RiskReasonCodes.Unavailable, "Risk did not answer in time; the order was not sent.")],
                }, null, cancellationToken);
            }
            else
            {
                await orderScope.ServiceProvider.GetRequiredService<OrderPlacement>().CheckAndResolveAsync(order, storeResponse: false);
            }
        }

        await ResubmitUnacknowledgedAsync(db, scope.ServiceProvider.GetRequiredService<BrokerRouter>(), cancellationToken);
    }

    private async Task ResubmitUnacknowledgedAsync(ExecutionDbContext db, BrokerRouter brokers, CancellationToken cancellationToken)
    {
        var unacknowledged = await db.Orders
            .Where(o => (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled) && o.SubmittedAt == null)
            .OrderBy(o => o.AcceptedAt).Take(100).ToListAsync(cancellationToken);
        foreach (var order in unacknowledged)
        {
            if (brokers.For(order.Mode) is { } broker && await broker.SubmitAsync(order, cancellationToken) is { Accepted: true, Deferred: false })
            {
                order.SubmittedAt = time.GetUtcNow();
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Resuming order {OrderId} ({ClientOrderId}) left in pending_risk")]
    private partial void LogResuming(Guid orderId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order recovery sweep failed; retrying later")]
    private partial void LogSweepFailed(Exception exception);
}
