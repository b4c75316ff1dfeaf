using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TradeNova.IntegrationTests.Alpaca;

[Collection(BrokerConnectionCollection.Name)]
public sealed class BrokerConnectionApiTests(BrokerConnectionFixture fixture)
{
    private const string Path = "/api/v1/broker/connection";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keys_are_verified_with_alpaca_and_only_the_masked_key_id_account_and_mode_are_shown()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();

        using var put = await SendAsync(execution, HttpMethod.Put, token, new { environment = "paper", keyId = AlpacaTestClients.KeyId, secretKey = AlpacaTestClients.Secret });
        using var get = await SendAsync(execution, HttpMethod.Get, token);

        put.StatusCode.ShouldBe(HttpStatusCode.OK, await put.Content.ReadAsStringAsync(Ct));
        var shown = JsonDocument.Parse(await get.Content.ReadAsStringAsync(Ct)).RootElement;
        shown.GetProperty("keyId").GetString().ShouldBe("PK••••ST01");
        shown.GetProperty("accountNumber").GetString().ShouldBe(FakeAlpacaServer.AccountNumber);
        shown.GetProperty("environment").GetString().ShouldBe("paper");
        shown.GetProperty("status").GetString().ShouldBe("connected");
        fixture.Alpaca.RequestsTo("GET", "/v2/account").ShouldContain(r => r.KeyId == AlpacaTestClients.KeyId);
    }

    [Fact]
    public async Task Keys_alpaca_refuses_are_a_422_problem_and_nothing_is_stored()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();

        using var put = await SendAsync(execution, HttpMethod.Put, token, new { environment = "live", keyId = "AKWRONGKEY000001", secretKey = "wrong-secret-000001" });
        using var get = await SendAsync(execution, HttpMethod.Get, token);

        put.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await put.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("https://tradenova.dev/problems/broker-credentials-rejected");
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invalid_body_lists_the_fields_without_echoing_them()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();

        using var put = await SendAsync(execution, HttpMethod.Put, token, new { environment = "margin", keyId = "has space-SECRETISH", secretKey = "" });

        put.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await put.Content.ReadAsStringAsync(Ct);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name)
            .ShouldBe(["environment", "keyId", "secretKey"], ignoreOrder: true);
        body.ShouldNotContain("SECRETISH");
    }

    [Fact]
    public async Task Disconnecting_deletes_the_keys()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();
        (await SendAsync(execution, HttpMethod.Put, token, new { environment = "paper", keyId = AlpacaTestClients.KeyId, secretKey = AlpacaTestClients.Secret }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var rowsBefore = await CountRowsAsync();

        using var delete = await SendAsync(execution, HttpMethod.Delete, token);
        using var get = await SendAsync(execution, HttpMethod.Get, token);

        delete.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        get.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await CountRowsAsync()).ShouldBe(rowsBefore - 1);
    }

    [Fact]
    public async Task Credentials_never_appear_in_plaintext_in_responses_logs_or_the_database()
    {
        var token = await fixture.NewUserTokenAsync();
        using var execution = fixture.CreateExecutionClient();
        var responses = new StringBuilder();
        foreach (var (method, body) in new (HttpMethod, object?)[]
                 {
                     (HttpMethod.Put, new { environment = "paper", keyId = AlpacaTestClients.KeyId, secretKey = AlpacaTestClients.Secret }),
                     (HttpMethod.Get, null),
                     (HttpMethod.Put, new { environment = "paper", keyId = AlpacaTestClients.KeyId, secretKey = AlpacaTestClients.Secret + "x" }),
                     (HttpMethod.Get, null),
                 })
        {
            using var response = await SendAsync(execution, method, token, body);
            responses.AppendLine(response.ToString()).AppendLine(await response.Content.ReadAsStringAsync(Ct));
        }

        var database = await fixture.ExecutionSchemaAsTextAsync();
        var log = await File.ReadAllTextAsync(fixture.Execution.LogPath, Ct);

        database.ShouldContain("PK••••ST01"); // the row is there, masked
        foreach (var (where, text) in new[] { ("responses", responses.ToString()), ("database", database), ("log", log) })
        {
            text.ShouldNotContain(AlpacaTestClients.Secret, customMessage: $"secret in {where}");
            text.ShouldNotContain(AlpacaTestClients.KeyId, customMessage: $"key id in {where}");
            text.ShouldNotContain(Convert.ToHexString(Encoding.UTF8.GetBytes(AlpacaTestClients.Secret)), Case.Insensitive, $"hex secret in {where}");
        }

        log.ShouldContain("/v2/account"); // the HTTP client's traffic was logged, just not the keys
    }

    private async Task<long> CountRowsAsync()
    {
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Infrastructure.Database.ConnectionStringFor("execution"));
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM execution.broker_connections", connection);
        return (long)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient execution, HttpMethod method, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return execution.SendAsync(request, Ct);
    }
}
