using System.Net;
using System.Text.Json;
using Npgsql;
using TradeNova.IntegrationTests.Execution;
using TradeNova.IntegrationTests.Infrastructure;

namespace TradeNova.IntegrationTests.Alpaca;

[Collection(BrokerConnectionCollection.Name)]
public sealed class BrokerAuditTests(BrokerConnectionFixture fixture)
{
    [Fact]
    public async Task Connecting_and_disconnecting_keys_and_switching_to_live_are_audited_without_the_keys_in_an_append_only_log()
    {
        var (token, keyId) = await fixture.NewConnectedTraderAsync();
        using var execution = fixture.CreateExecutionClient();
        // The trading account is opened when UserRegistered reaches Execution: a moment after registration.
        var account = await Poll.UntilAsync(
            async () =>
            {
                using var live = await execution.SendAsync(HttpMethod.Put, "/api/v1/execution/account", token, new { mode = "live" });
                return live.StatusCode == HttpStatusCode.OK ? await ExecutionApiCalls.ReadAsync(live, HttpStatusCode.OK, "switch to live") : (JsonElement?)null;
            },
            a => a is not null, ExecutionApiCalls.EventualConsistency, "the account switched to live");
        account!.Value.GetProperty("mode").GetString().ShouldBe("live");

        using (var disconnect = await execution.SendAsync(HttpMethod.Delete, "/api/v1/broker/connection", token))
        {
            disconnect.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        var userId = account.Value.GetProperty("userId").GetGuid();
        var entries = await fixture.ScalarAsync<string>(
            "SELECT string_agg(action || ': ' || coalesce(detail, ''), E'\\n' ORDER BY id) FROM execution.audit_log WHERE user_id = @user", ("user", userId));
        entries.Split('\n').Select(e => e[..e.IndexOf(':', StringComparison.Ordinal)]).ShouldBe(["broker.connected", "account.mode_changed", "broker.disconnected"]);
        entries.ShouldContain($"key {keyId[..2]}••••{keyId[^4..]}");
        entries.ShouldNotContain(keyId);
        entries.ShouldNotContain(LiveTradingCalls.Secret);
        var rewrite = await Should.ThrowAsync<PostgresException>(() => fixture.ScalarAsync<int>("UPDATE execution.audit_log SET detail = 'x' WHERE user_id = @user RETURNING 1", ("user", userId)));
        rewrite.MessageText.ShouldContain("append-only");
    }

    [Fact]
    public async Task Switching_to_live_without_a_broker_connection_is_a_422_problem()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();

        using var response = await execution.SendAsync(HttpMethod.Put, "/api/v1/execution/account", token, new { mode = "live" });

        var problem = await ExecutionApiCalls.ReadAsync(response, HttpStatusCode.UnprocessableEntity, "switch to live without keys");
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-not-connected");
    }
}
