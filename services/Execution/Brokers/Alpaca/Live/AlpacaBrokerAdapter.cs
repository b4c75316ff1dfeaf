using TradeNova.Execution.Credentials;
using TradeNova.Execution.Exchange;

namespace TradeNova.Execution.Brokers.Alpaca.Live;

/// <summary>
/// Live orders, through the user's own Alpaca account. Submitting runs inside the acceptance transaction, so it only
/// hands the order to <see cref="AlpacaOrderSubmitter"/> (<see cref="BrokerAck.Deferred"/>): no network call ever
/// happens while the order's row is locked, and the acceptance is committed before anything leaves for Alpaca.
/// Scoped: a cancel reads the credentials and the order's links through the caller's context, on the connection the
/// caller already holds, instead of taking a second one from the pool while the first is held.
/// </summary>
public sealed class AlpacaBrokerAdapter(
    AlpacaSubmissionQueue queue, ExecutionDbContext db, BrokerCredentialStore credentialStore, AlpacaClientFactory clients) : IBrokerAdapter
{
    public string Mode => TradingModes.Live;

    public Task<BrokerAck> SubmitAsync(Order order, CancellationToken cancellationToken)
    {
        queue.Enqueue(order.Id);
        return Task.FromResult(BrokerAck.Later);
    }

    /// <summary>
    /// Asks Alpaca to cancel. An order Alpaca does not know (never sent, or lost on the way) is canceled locally only;
    /// the submitter never sends a canceled order, and cancels at Alpaca one whose answer arrives after the cancel.
    /// </summary>
    public async Task<BrokerAck> CancelAsync(Order order, CancellationToken cancellationToken)
    {
        var credentials = await credentialStore.LoadCredentialsAsync(order.UserId, cancellationToken);
        if (credentials is null)
        {
            return order.SubmittedAt is null
                ? BrokerAck.Ok
                : new BrokerAck(false, BrokerRouter.NotConnected, "The order is at Alpaca but no Alpaca connection exists: reconnect to cancel it.");
        }

        var client = clients.Create(credentials);
        try
        {
            var links = db.Set<AlpacaOrderLink>().AsNoTracking();
            var brokerOrderId = await links.Where(l => l.OrderId == order.Id).Select(l => l.BrokerOrderId).FirstOrDefaultAsync(cancellationToken);
            if (brokerOrderId is null && order.ParentOrderId is { } parentId)
            {
                // A bracket leg Alpaca holds under its own id, recorded on the parent's link.
                brokerOrderId = await links.Where(l => l.OrderId == parentId)
                    .Select(l => order.BracketLeg == BracketLegs.TakeProfit ? l.TakeProfitBrokerOrderId : l.StopLossBrokerOrderId)
                    .FirstOrDefaultAsync(cancellationToken);
            }

            brokerOrderId ??= order.ParentOrderId is null ? (await client.GetOrderByClientOrderIdAsync(order.ClientOrderId, cancellationToken))?.Id : null;
            if (brokerOrderId is not null)
            {
                await client.CancelOrderAsync(brokerOrderId, cancellationToken);
            }

            return BrokerAck.Ok;
        }
        catch (AlpacaApiException error) when (error.Kind == AlpacaErrorKind.NotFound)
        {
            return BrokerAck.Ok;
        }
        catch (AlpacaApiException error) when (error.Kind == AlpacaErrorKind.Unprocessable)
        {
            return new BrokerAck(false, AlpacaReasonCodes.NotCancelable, $"Alpaca can no longer cancel the order: {error.Message}");
        }
        catch (AlpacaApiException error)
        {
            return new BrokerAck(false, AlpacaReasonCodes.Unavailable, $"Alpaca could not be reached to cancel the order ({error.Kind}); try again.");
        }
    }
}
