using Microsoft.Extensions.Options;
using TradeNova.Risk.Monitoring;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Checks;

/// <summary>Loads the read model of the user's account (a few indexed reads of Risk's own tables in one round trip, no calls to other services) and
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
        var cachedPrice = CachedPrice(order.Symbol);
        var snapshot = await RiskCheckSnapshot.ReadAsync(db, userId, account, PersistedPriceSymbol(order.Symbol, cachedPrice), cancellationToken);
        var rows = snapshot.Accounts;

        var view = ToView(
            rows.SingleOrDefault(a => a.Account == account), rows.SingleOrDefault(a => a.Account == RiskAccounts.Paper), snapshot.Positions,
            snapshot.KillSwitch, now)
            with { ChecksShortSelling = account == RiskAccounts.Paper };
        var limits = snapshot.Profile?.ToLimits() ?? RiskLimits.PlatformDefaults;
        return OrderRiskEvaluator.Evaluate(limits, view, order, cachedPrice ?? snapshot.PersistedLastPrice, ordersLastMinute, options.Value);
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

    private decimal? CachedPrice(string symbol) =>
        !string.IsNullOrWhiteSpace(symbol) && prices.TryGet(symbol.Trim(), out var last) ? last : null;

    /// <summary>Only after a restart, before the first tick, does the check need the persisted universe's price.</summary>
    private string? PersistedPriceSymbol(string symbol, decimal? cached) =>
        cached is null && !string.IsNullOrWhiteSpace(symbol) && prices.IsEmpty ? symbol.Trim().ToUpperInvariant() : null;
}
