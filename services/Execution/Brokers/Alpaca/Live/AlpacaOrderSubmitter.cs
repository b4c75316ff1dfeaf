using Microsoft.Extensions.Options;
using TradeNova.Execution.Brokers.Alpaca.Dto;
using TradeNova.Execution.Brokers.Alpaca.Reconciliation;
using TradeNova.Execution.Credentials;
using TradeNova.Execution.Orders;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// Sends accepted live orders to the user's Alpaca account, outside any database transaction, and is the recovery path
/// for them too. The rule, per order (accepted, not yet acknowledged):
/// <list type="number">
/// <item>The attempt is committed first (<see cref="AlpacaOrderLink.SubmissionAttempts"/>); while an attempt is younger
/// than <see cref="AlpacaOptions.SubmissionLease"/> nobody else starts one.</item>
/// <item>If an earlier attempt exists (a crash, a timeout), the order is looked up by client_order_id first: found, the
/// broker's state is adopted (status, fills) and nothing is sent.</item>
/// <item>Not found (or never attempted): it is sent once, while younger than <see cref="AlpacaOptions.MaxUnsentAge"/>;
/// older, it is rejected (<c>broker.not_sent</c> / <c>broker.unconfirmed</c>) rather than sent late. Alpaca refuses a
/// second order with the same client_order_id (422), which is then looked up and adopted: never two orders.</item>
/// </list>
/// </summary>
public sealed partial class AlpacaOrderSubmitter(
    IServiceScopeFactory scopes,
    AlpacaSubmissionQueue queue,
    AlpacaClientFactory clients,
    AlpacaStreamSupervisor streams,
    IOptions<AlpacaOptions> options,
    TimeProvider time,
    ILogger<AlpacaOrderSubmitter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await queue.NextAsync(options.Value.SubmitterInterval, time, stoppingToken) is { } hinted)
                {
                    await SubmitAsync(hinted, stoppingToken);
                }

                if (time.GetUtcNow() >= nextSweep)
                {
                    nextSweep = time.GetUtcNow() + options.Value.SubmitterInterval;
                    await SweepAsync(stoppingToken);
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(error);
            }
        }
    }

    /// <summary>Every live order accepted but not acknowledged: new ones, and those a crash or a timeout left.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        List<Guid> unsent;
        await using (var scope = scopes.CreateAsyncScope())
        {
            unsent = await scope.ServiceProvider.GetRequiredService<ExecutionDbContext>().Orders.AsNoTracking()
                .Where(o => o.Mode == TradingModes.Live && o.SubmittedAt == null
                            && (o.Status == OrderStatuses.Accepted || o.Status == OrderStatuses.PartiallyFilled))
                .OrderBy(o => o.AcceptedAt).Select(o => o.Id).Take(50).ToListAsync(cancellationToken);
        }

        foreach (var orderId in unsent)
        {
            await SubmitAsync(orderId, cancellationToken);
        }
    }

    public async Task SubmitAsync(Guid orderId, CancellationToken cancellationToken)
    {
        var claim = await ClaimAsync(orderId, cancellationToken);
        if (claim is null)
        {
            return;
        }

        var (order, credentials, attemptedBefore, tooOld, replaces) = claim.Value;
        var client = clients.Create(credentials);
        AlpacaOrder? broker;
        try
        {
            broker = attemptedBefore ? await client.GetOrderByClientOrderIdAsync(order.ClientOrderId, cancellationToken) : null;
            if (broker is null && attemptedBefore && tooOld)
            {
                await RejectAsync(orderId, AlpacaReasonCodes.Unconfirmed,
                    "Alpaca never confirmed the order and does not know it; it was too old to send again.", cancellationToken);
                return;
            }

            broker ??= await SendOnceAsync(client, order, replaces, cancellationToken);
            if (broker is { Legs: null or { Count: 0 }, OrderClass: AlpacaOrderClasses.Bracket or AlpacaOrderClasses.Oto })
            {
                broker = await client.GetOrderAsync(broker.Id, cancellationToken); // nested: with the legs Alpaca holds
            }
        }
        catch (AlpacaApiException error) when (error.Kind is AlpacaErrorKind.Unauthorized)
        {
            await RejectAsync(orderId, AlpacaReasonCodes.Unauthorized, "Alpaca refused the connection's keys; reconnect your broker.", cancellationToken);
            return;
        }
        catch (AlpacaApiException error) when (error.Kind is AlpacaErrorKind.Forbidden or AlpacaErrorKind.Unprocessable or AlpacaErrorKind.NotFound)
        {
            await RejectAsync(orderId, AlpacaReasonCodes.Rejected, $"Alpaca refused the order: {error.Message}", cancellationToken);
            return;
        }
        catch (AlpacaApiException error)
        {
            // Unanswered, rate limited or Alpaca down: the attempt is on record, the next one looks the order up first.
            LogUnsettled(order.ClientOrderId, error.Kind);
            return;
        }

        if (broker is not null)
        {
            await RecordAsync(orderId, broker, client, cancellationToken);
            streams.Ensure(order.UserId, credentials);
        }
    }

    /// <summary>Sends the order (a replacement as a PATCH of the order it replaces); Alpaca's 422 for a client_order_id it
    /// already has means an earlier send got through.</summary>
    private async Task<AlpacaOrder?> SendOnceAsync(AlpacaClient client, Order order, string? replaces, CancellationToken cancellationToken)
    {
        try
        {
            if (replaces is not null)
            {
                LogReplacing(order.Id, order.ClientOrderId, replaces);
                return await client.ReplaceOrderAsync(replaces, AlpacaOrderRequests.Replacement(order), cancellationToken);
            }

            LogSending(order.Id, order.ClientOrderId);
            return await client.SubmitOrderAsync(AlpacaOrderRequests.From(order), cancellationToken);
        }
        catch (AlpacaApiException error) when (error.Kind == AlpacaErrorKind.Unprocessable
                                               && error.Message.Contains("client_order_id", StringComparison.OrdinalIgnoreCase))
        {
            return await client.GetOrderByClientOrderIdAsync(order.ClientOrderId, cancellationToken);
        }
    }

    private async Task<(Order Order, AlpacaCredentials Credentials, bool AttemptedBefore, bool TooOld, string? Replaces)?> ClaimAsync(
        Guid orderId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        var updater = scope.ServiceProvider.GetRequiredService<AlpacaOrderUpdater>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Waits for the acceptance that hinted this order to commit; a rolled-back acceptance leaves it in pending_risk.
        var order = await db.LockOrderAsync(orderId, cancellationToken);
        if (order is null || order.Mode != TradingModes.Live || order.SubmittedAt is not null || !OrderStatuses.Working.Contains(order.Status))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var link = await updater.LinkAsync(order, cancellationToken);
        if (link.LastAttemptAt is { } last && now - last < options.Value.SubmissionLease)
        {
            return null; // an attempt is (or may still be) in flight
        }

        var attemptedBefore = link.SubmissionAttempts > 0;
        var tooOld = now - (order.AcceptedAt ?? order.CreatedAt) > options.Value.MaxUnsentAge;
        var credentials = await scope.ServiceProvider.GetRequiredService<BrokerCredentialStore>().LoadCredentialsAsync(order.UserId, cancellationToken);
        var ledger = scope.ServiceProvider.GetRequiredService<OrderLedger>();
        var replaces = order.ReplacesOrderId is { } replacedId
            ? await db.Set<AlpacaOrderLink>().AsNoTracking().Where(l => l.OrderId == replacedId).Select(l => l.BrokerOrderId).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (credentials is null)
        {
            ledger.Transition(order, OrderStatuses.Rejected, "No Alpaca connection: the order was not sent.", [Exchange.BrokerRouter.NotConnected]);
        }
        else if (order.ReplacesOrderId is not null && replaces is null)
        {
            ledger.Transition(order, OrderStatuses.Rejected, "The order it replaces is not known at Alpaca; nothing was changed there.", [AlpacaReasonCodes.Rejected]);
        }
        else if (tooOld && !attemptedBefore)
        {
            ledger.Transition(order, OrderStatuses.Rejected, "The order could not be sent to Alpaca in time (Execution was unavailable); it was not sent late.",
                [AlpacaReasonCodes.NotSent]);
        }
        else
        {
            link.SubmissionAttempts++;
            link.LastAttemptAt = now;
            link.UpdatedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OrderStatuses.IsOpen(order.Status) ? (order, credentials!, attemptedBefore, tooOld, replaces) : null;
    }

    /// <summary>Adopts Alpaca's state of the order (broker id, acknowledgement, any fill or final status).</summary>
    private async Task RecordAsync(Guid orderId, AlpacaOrder broker, AlpacaClient client, CancellationToken cancellationToken)
    {
        bool canceledMeanwhile;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
            var updater = scope.ServiceProvider.GetRequiredService<AlpacaOrderUpdater>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var order = (await db.LockOrderAsync(orderId, cancellationToken))!;
            var link = await updater.LinkAsync(order, cancellationToken);
            var local = new LocalOrderState(order.ClientOrderId, order.Status, order.FilledQuantity, order.FilledValue, link.BrokerOrderId);
            var correction = AlpacaReconciliation.Reconcile(local, broker)
                             ?? new OrderCorrection(order.ClientOrderId, broker.Id, null, null, broker.FilledQty ?? 0m);
            canceledMeanwhile = !OrderStatuses.IsOpen(order.Status) && order.FilledQuantity == 0m;
            await updater.ApplyLockedAsync(order, correction, cancellationToken);
            updater.RecordLegs(link, broker.Legs);
            if (order.ReplacesOrderId is { } replacedId && await db.LockOrderAsync(replacedId, cancellationToken) is { } replaced)
            {
                // Alpaca made the new order: the old one is replaced there (its stream event may have said so already).
                replaced.ReplacedByOrderId = order.Id;
                if (OrderStatuses.CanTransition(replaced.Status, OrderStatuses.Replaced))
                {
                    scope.ServiceProvider.GetRequiredService<OrderLedger>().Transition(replaced, OrderStatuses.Replaced, $"Replaced at Alpaca by order {order.Id}.");
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogAcknowledged(order.Id, order.ClientOrderId, broker.Status);
        }

        if (canceledMeanwhile && AlpacaOrderStatusMap.ToLocal(broker.Status, broker.FilledQty ?? 0m) is OrderStatuses.Accepted or OrderStatuses.PartiallyFilled)
        {
            // The user canceled while the submission was on its way: cancel it at Alpaca too.
            await client.CancelOrderAsync(broker.Id, cancellationToken);
        }
    }

    private async Task RejectAsync(Guid orderId, string code, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExecutionDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var order = await db.LockOrderAsync(orderId, cancellationToken);
        if (order is { SubmittedAt: null } && OrderStatuses.CanTransition(order.Status, OrderStatuses.Rejected))
        {
            scope.ServiceProvider.GetRequiredService<OrderLedger>().Transition(order, OrderStatuses.Rejected, reason, [code]);
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sending live order {OrderId} ({ClientOrderId}) to Alpaca")]
    private partial void LogSending(Guid orderId, string clientOrderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replacing Alpaca order {BrokerOrderId} with live order {OrderId} ({ClientOrderId})")]
    private partial void LogReplacing(Guid orderId, string clientOrderId, string brokerOrderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live order {OrderId} ({ClientOrderId}) acknowledged by Alpaca: {Status}")]
    private partial void LogAcknowledged(Guid orderId, string clientOrderId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Submission of live order {ClientOrderId} unsettled ({Kind}); it will be looked up, not resent blindly")]
    private partial void LogUnsettled(string clientOrderId, AlpacaErrorKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alpaca order submitter pass failed; retrying")]
    private partial void LogFailed(Exception error);
}
