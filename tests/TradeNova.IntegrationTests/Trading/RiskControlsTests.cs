using System.Net;
using System.Text.Json;
using TradeNova.Contracts.Risk;
using TradeNova.IntegrationTests.Infrastructure;
using TradeNova.IntegrationTests.Platform;
using static TradeNova.IntegrationTests.Trading.TradingApi;

namespace TradeNova.IntegrationTests.Trading;

/// <summary>Who may change Risk's controls through the gateway: a trader tightens their own limits, an administrator
/// loosens them or stops all opening orders with the kill switch, and every change is versioned and audited.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskControlsTests(PlatformFixture platform)
{
    [Fact]
    public async Task Users_tighten_limits_but_only_an_admin_loosens_past_the_defaults_and_every_change_is_versioned()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var admin = await gateway.PromoteToAdminAsync(platform, await gateway.NewUserAsync());

        var tightened = await gateway.JsonAsync(HttpMethod.Put, "/api/v1/risk/limits", user.AccessToken,
            new { maxPositionFraction = 0.05m, reason = "careful" });
        tightened.GetProperty("version").GetInt32().ShouldBe(2);
        tightened.GetProperty("limits").GetProperty("maxPositionFraction").GetDecimal().ShouldBe(0.05m);

        using var loosened = await gateway.SendAsync(HttpMethod.Put, "/api/v1/risk/limits", user.AccessToken, new { maxPositionFraction = 0.2m });
        loosened.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var problem = JsonDocument.Parse(await loosened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/risk-limit-needs-admin");

        using var notAdmin = await gateway.SendAsync(HttpMethod.Put, $"/api/v1/risk/admin/users/{user.UserId}/limits", user.AccessToken, new { maxPositionFraction = 0.2m });
        notAdmin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var granted = await gateway.JsonAsync(HttpMethod.Put, $"/api/v1/risk/admin/users/{user.UserId}/limits", admin.AccessToken,
            new { maxPositionFraction = 0.2m, reason = "approved by desk" });
        granted.GetProperty("version").GetInt32().ShouldBe(3);

        var history = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/limits/history", user.AccessToken);
        history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()).ShouldBe([3, 2, 1]);
        history[0].GetProperty("changedByRole").GetString().ShouldBe("admin");
        var audit = await gateway.JsonAsync(HttpMethod.Get, $"/api/v1/risk/admin/audit?userId={user.UserId}", admin.AccessToken);
        audit.EnumerateArray().Count(a => a.GetProperty("action").GetString() == "limits.changed").ShouldBe(2);
        audit[0].GetProperty("oldValue").GetString()!.ShouldContain("0.05");
    }

    [Fact]
    public async Task Admin_kill_switch_halts_opening_orders_for_everyone_until_released()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var admin = await gateway.PromoteToAdminAsync(platform, await gateway.NewUserAsync());
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("IBM", 10m));
        await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "IBM", 1m, 10m)), r => r.Approved, Eventually, "approved before");

        await gateway.JsonAsync(HttpMethod.Post, "/api/v1/risk/admin/kill-switch", admin.AccessToken, new { reason = "market incident" },
            HttpStatusCode.NoContent);
        try
        {
            var halted = await bus.CheckAsync(Buy(user.UserId, "IBM", 1m, 10m));
            halted.Codes().ShouldBe([RiskReasonCodes.Halted]);
            var state = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken);
            state.GetProperty("halts")[0].GetProperty("code").GetString().ShouldBe("risk.kill_switch");
            var killSwitch = await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/admin/kill-switch", admin.AccessToken);
            killSwitch.GetProperty("engaged").GetBoolean().ShouldBeTrue();
            killSwitch.GetProperty("reason").GetString().ShouldBe("market incident");
            killSwitch.GetProperty("changedBy").GetGuid().ShouldBe(admin.UserId);
            (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/admin/kill-switch", user.AccessToken, expected: HttpStatusCode.Forbidden))
                .GetProperty("status").GetInt32().ShouldBe(403);
        }
        finally
        {
            await gateway.JsonAsync(HttpMethod.Delete, "/api/v1/risk/admin/kill-switch", admin.AccessToken, expected: HttpStatusCode.NoContent);
        }

        (await bus.CheckAsync(Buy(user.UserId, "IBM", 1m, 10m))).Approved.ShouldBeTrue();
        (await gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/admin/kill-switch", admin.AccessToken))
            .GetProperty("engaged").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task Suspending_an_account_halts_its_trading_though_its_access_token_still_works()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewTraderAsync();
        var admin = await gateway.PromoteToAdminAsync(platform, await gateway.NewUserAsync());
        await using var bus = await TradingBus.StartAsync(platform.Infrastructure.Vhost.AmqpUri);
        await bus.PricesAsync(("IBM", 10m));
        await Poll.UntilAsync(() => bus.CheckAsync(Buy(user.UserId, "IBM", 1m, 10m)), r => r.Approved, Eventually, "approved before");

        var suspended = await gateway.JsonAsync(HttpMethod.Post, $"/api/v1/identity/admin/users/{user.UserId}/suspend", admin.AccessToken,
            new { reason = "card fraud" });
        suspended.GetProperty("suspendedReason").GetString().ShouldBe("card fraud");

        var state = await Poll.UntilAsync(() => gateway.JsonAsync(HttpMethod.Get, "/api/v1/risk/halt", user.AccessToken),
            s => s.GetProperty("halts").GetArrayLength() > 0, Eventually, "Risk halts the suspended user");
        state.GetProperty("halts")[0].GetProperty("reason").GetString().ShouldBe("Account suspended: card fraud");
        (await bus.CheckAsync(Buy(user.UserId, "IBM", 1m, 10m))).Codes().ShouldBe([RiskReasonCodes.Halted]);
        var audit = await gateway.JsonAsync(HttpMethod.Get, $"/api/v1/risk/admin/audit?userId={user.UserId}", admin.AccessToken);
        audit.EnumerateArray().ShouldContain(a => a.GetProperty("action").GetString() == "halt.admin_halted"
                                                  && a.GetProperty("actorId").GetGuid() == admin.UserId);
    }
}
