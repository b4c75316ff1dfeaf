using Microsoft.Extensions.Options;
using TradeNova.Risk.Monitoring;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Checks;

/// <summary>Loads the read model of the user's account (a few indexed reads of Risk's own tables, no calls to other services) and
/// runs <see cref="OrderRiskEvaluator"/>. Shared by the <c>CheckOrderRisk</c> consumer and the preview API.</summary>
public sealed class RiskCheckService(
    RiskContext db, MarketPriceCache prices, OrderRateLimiter rate, IOptions<RiskOptions> options, TimeProvider time)
{
    /// <param name="account"><c>paper</c> or <c>live</c>: whose equity, positions and monitor halts the order is checked
    /// against. The limits, the entitlement, an administrator's halt of the user and the kill switch are the user's.</param>
    /// <param name="countAsOrder">True for a real order (counts against the order-rate cap); false for a preview.</param>
    public async Task<RiskAssessment> CheckAsync(Guid userId, string account, OrderRiskInput order, bool countAsOrder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var ordersLastMinute = countAsOrder ? rate.Record(userId, now) : rate.Count(userId, now);
        var profile = await db.RiskProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        var rows = await db.Accounts.AsNoTracking()
            .Where(a => a.UserId == userId && (a.Account == account || a.Account == RiskAccounts.Paper))
            .ToListAsync(cancellationToken);
        var positions = await db.Positions.AsNoTracking()
            .Where(p => p.UserId == userId && p.Account == account && p.Quantity != 0m)
            .ToDictionaryAsync(p => p.Symbol, p => p.Quantity, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var killSwitch = await db.PlatformHalts.AsNoTracking().AnyAsync(h => h.Active, cancellationToken);
        var lastPrice = await LastPriceAsync(order.Symbol, cancellationToken);

        var view = ToView(
            rows.SingleOrDefault(a => a.Account == account), rows.SingleOrDefault(a => a.Account == RiskAccounts.Paper), positions, killSwitch, now)
            with { ChecksShortSelling = account == RiskAccounts.Paper };
        var limits = profile?.ToLimits() ?? RiskLimits.PlatformDefaults;
        return OrderRiskEvaluator.Evaluate(limits, view, order, lastPrice, ordersLastMinute, options.Value);
    }

    /// <summary>
    /// Entitlement: a user is entitled until Billing says otherwise. Identity starts every new user on a trial and
    /// Billing publishes a status only when it changes, so "no event yet" means trialing; any later status outside
    /// <see cref="SubscriptionEntitlement.EntitledStatuses"/> refuses opening orders.
    /// </summary>
    public static bool IsEntitled(RiskAccount? account) =>
        account?.SubscriptionStatus is not { } status || SubscriptionEntitlement.EntitledStatuses.Contains(status);

    /// <param name="account">The account's read model (null: nothing known yet, so no equity).</param>
    /// <param name="user">The user's paper row, which carries the subscription and an administrator's halt.</param>
    public static AccountView ToView(
        RiskAccount? account, RiskAccount? user, IReadOnlyDictionary<string, decimal> positions, bool killSwitch, DateTimeOffset now) =>
        new(
            account?.Equity ?? 0m,
            account?.Cash ?? 0m,
            positions,
            account is null ? RiskHaltStatus.None : PostTradeMonitor.Status(account, now),
            user?.AdminHalted ?? false,
            killSwitch,
            IsEntitled(user),
            user?.SubscriptionStatus,
            account?.ValuedAt is not null);

    private async Task<decimal?> LastPriceAsync(string symbol, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            return null;
        }

        if (prices.TryGet(symbol.Trim(), out var last))
        {
            return last;
        }

        // Only after a restart, before the first tick: the persisted universe.
        if (prices.IsEmpty)
        {
            var normalized = symbol.Trim().ToUpperInvariant();
            var known = await db.Symbols.AsNoTracking().SingleOrDefaultAsync(s => s.Symbol == normalized, cancellationToken);
            return known?.LastPrice;
        }

        return null;
    }
}
