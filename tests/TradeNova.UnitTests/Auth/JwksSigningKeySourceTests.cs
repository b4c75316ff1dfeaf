using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

public sealed class JwksSigningKeySourceTests : IDisposable
{
    private readonly TestSigningKey _current = new("current");
    private readonly TestSigningKey _next = new("next");
    private readonly JwksHttpHandler _http = new();
    private readonly ManualTimeProvider _time = new(new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero));
    private readonly JwksSigningKeySource _source;

    public JwksSigningKeySourceTests()
    {
        _http.KeysJson = [_current.JwkJson()];
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["services:identity:http:0"] = "http://127.0.0.1:5101" })
            .Build();
        _source = new JwksSigningKeySource(_http, configuration, _time, NullLogger<JwksSigningKeySource>.Instance);
    }

    [Fact]
    public async Task Keys_are_read_from_identitys_well_known_jwks()
    {
        var keys = await _source.GetKeysAsync("current", CancellationToken.None);

        keys.Select(k => k.KeyId).ShouldBe(["current"]);
        _http.LastRequestUri.ShouldBe(new Uri("http://127.0.0.1:5101/.well-known/jwks.json"));
    }

    [Fact]
    public async Task Known_kid_is_served_from_cache()
    {
        await _source.GetKeysAsync("current", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _source.GetKeysAsync("current", CancellationToken.None);

        _http.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_kid_refetch_is_throttled_to_once_per_30_seconds()
    {
        await _source.GetKeysAsync("current", CancellationToken.None);

        for (var i = 0; i < 20; i++)
            (await _source.GetKeysAsync($"forged-{i}", CancellationToken.None)).ShouldBeEmpty();
        _http.Requests.ShouldBe(1);

        _time.Advance(TimeSpan.FromSeconds(31));
        await _source.GetKeysAsync("forged", CancellationToken.None);
        await _source.GetKeysAsync("forged", CancellationToken.None);
        _http.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_on_its_first_use_after_the_throttle()
    {
        await _source.GetKeysAsync("current", CancellationToken.None);
        _http.KeysJson = [_current.JwkJson(), _next.JwkJson()];
        _time.Advance(TimeSpan.FromSeconds(30));

        var keys = await _source.GetKeysAsync("next", CancellationToken.None);

        keys.Select(k => k.KeyId).ShouldBe(["next"]);
    }

    [Fact]
    public async Task Keys_are_refetched_every_ten_minutes_anyway()
    {
        await _source.GetKeysAsync("current", CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(10));

        await _source.GetKeysAsync("current", CancellationToken.None);

        _http.Requests.ShouldBe(2);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_fetch()
    {
        var calls = Enumerable.Range(0, 16).Select(_ => _source.GetKeysAsync("current", CancellationToken.None).AsTask());

        var results = await Task.WhenAll(calls);

        results.ShouldAllBe(keys => keys.Count == 1);
        _http.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task Without_identity_configured_no_key_is_returned()
    {
        var source = new JwksSigningKeySource(_http, new ConfigurationBuilder().Build(), _time, NullLogger<JwksSigningKeySource>.Instance);

        (await source.GetKeysAsync("current", CancellationToken.None)).ShouldBeEmpty();
        source.JwksUri.ShouldBeNull();
        _http.Requests.ShouldBe(0);
    }

    [Fact]
    public void Jwks_parser_keeps_only_p256_signing_keys_with_an_id()
    {
        const string others = """
            {"kty":"RSA","kid":"rsa","n":"AQAB","e":"AQAB"},
            {"kty":"EC","crv":"P-384","kid":"p384","x":"AA","y":"AA"},
            {"kty":"EC","crv":"P-256","x":"AA","y":"AA"},
            {"kty":"EC","crv":"P-256","kid":"enc","use":"enc","x":"AA","y":"AA"}
            """;

        var keys = JwksParser.Parse($"{{\"keys\":[{others},{_current.JwkJson()}]}}");

        keys.Select(k => k.KeyId).ShouldBe(["current"]);
    }

    public void Dispose()
    {
        _source.Dispose();
        _http.Dispose();
        _current.Dispose();
        _next.Dispose();
    }
}
