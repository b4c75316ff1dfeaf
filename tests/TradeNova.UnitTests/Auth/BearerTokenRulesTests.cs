using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

/// <summary>The token rules of docs/platform-contract.md, enforced by JwtBearer as ServiceDefaults configures it.</summary>
public sealed class BearerTokenRulesTests : IAsyncLifetime
{
    private readonly TestSigningKey _key = new("key-2026-11");
    private BearerTestApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await BearerTestApp.StartAsync(_key.PublicKey);

    [Fact]
    public async Task Valid_token_is_accepted_with_claims_under_their_jwt_names()
    {
        var userId = Guid.NewGuid();

        using var response = await _app.SendAsync("/claims", _key.CreateToken(userId, TradeNovaRoles.Admin));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var view = (await response.Content.ReadFromJsonAsync<BearerTestApp.ClaimsView>(TestContext.Current.CancellationToken))!;
        view.Claims[TradeNovaClaims.Subject].ShouldBe(userId.ToString());
        view.Claims[TradeNovaClaims.Email].ShouldBe("ada@example.com");
        view.Claims[TradeNovaClaims.Plan].ShouldBe("standard");
        view.Claims[TradeNovaClaims.SubscriptionStatus].ShouldBe("active");
        view.Claims.Keys.ShouldNotContain(type => type.StartsWith("http://", StringComparison.Ordinal));
        view.IsAdmin.ShouldBeTrue();
        view.Name.ShouldBe(userId.ToString());
        view.AuthenticationType.ShouldBe(TradeNovaAuthDefaults.Scheme);
    }

    [Fact]
    public async Task Expired_token_is_rejected() =>
        await RejectedAsync(_key.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(-20), expires: DateTime.UtcNow.AddMinutes(-5)));

    [Fact]
    public async Task Token_expired_within_the_30_second_skew_is_still_accepted() =>
        await AcceptedAsync(_key.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(-15), expires: DateTime.UtcNow.AddSeconds(-10)));

    [Fact]
    public async Task Token_expired_beyond_the_30_second_skew_is_rejected() =>
        await RejectedAsync(_key.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(-15), expires: DateTime.UtcNow.AddSeconds(-45)));

    [Fact]
    public async Task Token_from_another_issuer_is_rejected() => await RejectedAsync(_key.CreateToken(issuer: "someone-else"));

    [Fact]
    public async Task Token_for_another_audience_is_rejected() => await RejectedAsync(_key.CreateToken(audience: "other-app"));

    [Fact]
    public async Task Token_with_an_unknown_kid_is_rejected()
    {
        using var stranger = new TestSigningKey("stranger");

        await RejectedAsync(stranger.CreateToken());
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_known_kid_is_rejected()
    {
        using var impostor = new TestSigningKey(_key.Kid);

        await RejectedAsync(impostor.CreateToken());
    }

    [Fact]
    public async Task Hs256_token_under_a_known_kid_is_rejected() =>
        await RejectedAsync(TestSigningKey.CreateHs256Token(_key.Kid, new byte[32]));

    [Fact]
    public async Task Hs256_token_signed_with_the_public_key_is_rejected()
    {
        // Algorithm confusion: the verifier's public key used as an HMAC secret.
        var publicKey = ((Microsoft.IdentityModel.Tokens.ECDsaSecurityKey)_key.PublicKey).ECDsa.ExportSubjectPublicKeyInfo();

        await RejectedAsync(TestSigningKey.CreateHs256Token(_key.Kid, publicKey));
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_rejected()
    {
        var valid = _key.CreateToken().Split('.');
        var header = TestSigningKey.Encode($"{{\"alg\":\"none\",\"kid\":\"{_key.Kid}\"}}");

        await RejectedAsync($"{header}.{valid[1]}.");
        await RejectedAsync($"{header}.{valid[1]}.{valid[2]}");
    }

    [Fact]
    public async Task Token_with_one_signature_byte_changed_is_rejected()
    {
        var parts = _key.CreateToken().Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        await RejectedAsync($"{parts[0]}.{parts[1]}.{new string(signature)}");
    }

    [Fact]
    public async Task Token_with_a_changed_payload_is_rejected()
    {
        var parts = _key.CreateToken(role: TradeNovaRoles.Subscriber).Split('.');
        var forged = TestSigningKey.Encode($"{{\"sub\":\"{Guid.NewGuid()}\",\"role\":\"admin\",\"iss\":\"tradenova-identity\",\"aud\":\"tradenova\",\"exp\":{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}");

        await RejectedAsync($"{parts[0]}.{forged}.{parts[2]}");
    }

    [Fact]
    public async Task Five_segment_jwe_shaped_token_is_rejected()
    {
        var header = TestSigningKey.Encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}");

        await RejectedAsync($"{header}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA");
        var parts = _key.CreateToken().Split('.');
        await RejectedAsync($"{parts[0]}.{parts[1]}.{parts[2]}.{parts[1]}.{parts[2]}");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("a..c")]
    [InlineData("not-base64!.eyJ9.c")]
    [InlineData("e30.e30.e30")]
    [InlineData("W10.e30.e30")]
    public async Task Garbage_is_rejected(string token) => await RejectedAsync(token);

    [Fact]
    public async Task Oversized_token_is_rejected()
    {
        var parts = _key.CreateToken().Split('.');

        await RejectedAsync($"{parts[0]}.{new string('A', TradeNovaAuthDefaults.MaxTokenLength)}.{parts[2]}");
    }

    [Fact]
    public void Every_token_handler_refuses_a_token_over_8_KiB_before_parsing_it()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.AddTradeNovaAuthentication();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(TradeNovaAuthDefaults.Scheme);

        options.TokenHandlers.ShouldNotBeEmpty();
        options.TokenHandlers.ShouldAllBe(handler => handler.MaximumTokenSizeInBytes == TradeNovaAuthDefaults.MaxTokenLength);
    }

    [Fact]
    public async Task Configured_issuer_and_audience_are_used()
    {
        await using var custom = await BearerTestApp.StartAsync(
            _key.PublicKey,
            new Dictionary<string, string?> { ["TradeNova:Jwt:Issuer"] = "custom-iss", ["TradeNova:Jwt:Audience"] = "custom-aud" });

        using var accepted = await custom.SendAsync("/me", _key.CreateToken(issuer: "custom-iss", audience: "custom-aud"));
        using var rejected = await custom.SendAsync("/me", _key.CreateToken());

        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        rejected.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private async Task AcceptedAsync(string token)
    {
        using var response = await _app.SendAsync("/me", token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task RejectedAsync(string token)
    {
        using var response = await _app.SendAsync("/me", token);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer error=\"invalid_token\"");
    }
}
