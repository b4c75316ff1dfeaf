using Microsoft.Extensions.Options;
using TradeNova.Billing.Local;

namespace TradeNova.Billing.Domain;

/// <summary>
/// Brings subscriptions up to date with the clock: local renewals, trials, grace periods and canceled periods that
/// ended. Each row is saved on its own (with its events), and a row another writer changed meanwhile is left for
/// the next run.
/// </summary>
public sealed partial class SubscriptionReviewer(
    BillingContext db, LocalRenewals renewals, SubscriptionPublisher publisher, TimeProvider time, ILogger<SubscriptionReviewer> logger)
{
    private const int BatchSize = 100;

    /// <summary>Reviews every row that is due; returns how many changed state.</summary>
    public async Task<int> ReviewDueAsync(CancellationToken cancellationToken)
    {
        var changed = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = time.Now();
            var due = await db.Subscriptions
                .Where(s => s.NextReviewAt != null && s.NextReviewAt <= now)
                .OrderBy(s => s.NextReviewAt)
                .Select(s => s.UserId)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            var progressed = 0;
            foreach (var userId in due)
            {
                var outcome = await ReviewAsync(userId, cancellationToken);
                changed += outcome == true ? 1 : 0;
                progressed += outcome is null ? 0 : 1;
            }

            if (due.Count < BatchSize || progressed == 0)
            {
                return changed;
            }
        }

        return changed;
    }

    /// <summary>Reviews one subscription now: true if its state changed, false if not, null if another writer won.</summary>
    public async Task<bool?> ReviewAsync(Guid userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var subscription = await db.Subscriptions.SingleOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (subscription is null)
        {
            return false;
        }

        using var activity = BillingTelemetry.ActivitySource.StartActivity("review subscription");
        activity?.SetTag("tradenova.user_id", userId);
        renewals.RenewDue(subscription, time.Now());
        var changed = publisher.Refresh(subscription);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (changed)
            {
                LogChanged(logger, userId, subscription.Status, subscription.Version);
            }

            return changed;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription of {UserId} is now {Status} (version {Version})")]
    private static partial void LogChanged(ILogger logger, Guid userId, string status, long version);
}
