using Microsoft.Extensions.Options;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

public sealed class TradeNovaTokenValidatorTests : IDisposable
{
    private readonly TestSigningKey _key = new("key-2026-11");
    private readonly TradeNovaTokenValidator _validator;

    public TradeNovaTokenValidatorTests() =>
        _validator = new TradeNovaTokenValidator(
            new StaticSigningKeySource(_key.PublicKey),
            new StaticOptionsMonitor(new TradeNovaJwtOptions()));

    [Fact]
    public async Task Valid_token_is_accepted_with_claims_under_their_jwt_names()
    {
        var userId = Guid.NewGuid();

        var outcome = await _validator.ValidateAsync(_key.CreateToken(userId, TradeNovaRoles.Admin), CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue(outcome.FailureReason);
        outcome.Principal.GetUserId().ShouldBe(userId);
        outcome.Principal.FindFirst(TradeNovaClaims.Email)?.Value.ShouldBe("ada@example.com");
        outcome.Principal.FindFirst(TradeNovaClaims.Plan)?.Value.ShouldBe("standard");
        outcome.Principal.FindFirst(TradeNovaClaims.SubscriptionStatus)?.Value.ShouldBe("active");
        outcome.Principal.IsInRole(TradeNovaRoles.Admin).ShouldBeTrue();
        outcome.Principal.Identity?.AuthenticationType.ShouldBe(TradeNovaAuthDefaults.Scheme);
        outcome.Principal.Identity?.Name.ShouldBe(userId.ToString());
    }

    [Fact]
    public async Task Expired_token_is_rejected()
    {
        var token = _key.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(-20), expires: DateTime.UtcNow.AddMinutes(-5));

        (await _validator.ValidateAsync(token, CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Token_expired_within_the_30_second_skew_is_still_accepted()
    {
        var token = _key.CreateToken(notBefore: DateTime.UtcNow.AddMinutes(-15), expires: DateTime.UtcNow.AddSeconds(-10));

        (await _validator.ValidateAsync(token, CancellationToken.None)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task Token_from_another_issuer_is_rejected() =>
        (await _validator.ValidateAsync(_key.CreateToken(issuer: "someone-else"), CancellationToken.None)).Succeeded.ShouldBeFalse();

    [Fact]
    public async Task Token_for_another_audience_is_rejected() =>
        (await _validator.ValidateAsync(_key.CreateToken(audience: "other-app"), CancellationToken.None)).Succeeded.ShouldBeFalse();

    [Fact]
    public async Task Token_with_an_unknown_kid_is_rejected()
    {
        using var stranger = new TestSigningKey("stranger");

        var outcome = await _validator.ValidateAsync(stranger.CreateToken(), CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.FailureReason.ShouldContain("key id");
    }

    [Fact]
    public async Task Token_signed_by_another_key_under_a_known_kid_is_rejected()
    {
        using var impostor = new TestSigningKey(_key.Kid);

        (await _validator.ValidateAsync(impostor.CreateToken(), CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Hs256_token_under_a_known_kid_is_rejected()
    {
        var token = TestSigningKey.CreateHs256Token(_key.Kid, new byte[32]);

        (await _validator.ValidateAsync(token, CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_rejected()
    {
        var valid = _key.CreateToken().Split('.');
        var header = TestSigningKey.Encode($"{{\"alg\":\"none\",\"kid\":\"{_key.Kid}\"}}");

        (await _validator.ValidateAsync($"{header}.{valid[1]}.", CancellationToken.None)).Succeeded.ShouldBeFalse();
        (await _validator.ValidateAsync($"{header}.{valid[1]}.{valid[2]}", CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Token_with_one_signature_byte_changed_is_rejected()
    {
        var parts = _key.CreateToken().Split('.');
        var signature = parts[2].ToCharArray();
        signature[10] = signature[10] == 'A' ? 'B' : 'A';

        var outcome = await _validator.ValidateAsync($"{parts[0]}.{parts[1]}.{new string(signature)}", CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Token_with_a_changed_payload_is_rejected()
    {
        var parts = _key.CreateToken(role: TradeNovaRoles.Subscriber).Split('.');
        var forged = TestSigningKey.Encode($"{{\"sub\":\"{Guid.NewGuid()}\",\"role\":\"admin\",\"iss\":\"tradenova-identity\",\"aud\":\"tradenova\",\"exp\":{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}");

        (await _validator.ValidateAsync($"{parts[0]}.{forged}.{parts[2]}", CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Five_segment_jwe_shaped_token_is_rejected_before_parsing()
    {
        var header = TestSigningKey.Encode("{\"alg\":\"dir\",\"enc\":\"A256GCM\",\"zip\":\"DEF\"}");
        var jwe = $"{header}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA";

        var outcome = await _validator.ValidateAsync(jwe, CancellationToken.None);

        outcome.Succeeded.ShouldBeFalse();
        outcome.FailureReason.ShouldContain("compact JWS");
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("..")]
    [InlineData("a..c")]
    [InlineData("not base64!.eyJ9.c")]
    [InlineData("e30.e30.e30")]
    [InlineData("W10.e30.e30")]
    public async Task Garbage_is_rejected(string token) =>
        (await _validator.ValidateAsync(token, CancellationToken.None)).Succeeded.ShouldBeFalse();

    [Fact]
    public async Task Oversized_token_is_rejected_before_parsing()
    {
        var parts = _key.CreateToken().Split('.');
        var huge = $"{parts[0]}.{new string('A', CompactJws.MaxLength)}.{parts[2]}";

        (await _validator.ValidateAsync(huge, CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public async Task Configured_issuer_and_audience_are_used()
    {
        var validator = new TradeNovaTokenValidator(
            new StaticSigningKeySource(_key.PublicKey),
            new StaticOptionsMonitor(new TradeNovaJwtOptions { Issuer = "custom-iss", Audience = "custom-aud" }));

        (await validator.ValidateAsync(_key.CreateToken(issuer: "custom-iss", audience: "custom-aud"), CancellationToken.None)).Succeeded.ShouldBeTrue();
        (await validator.ValidateAsync(_key.CreateToken(), CancellationToken.None)).Succeeded.ShouldBeFalse();
    }

    public void Dispose() => _key.Dispose();

    private sealed class StaticOptionsMonitor(TradeNovaJwtOptions value) : IOptionsMonitor<TradeNovaJwtOptions>
    {
        public TradeNovaJwtOptions CurrentValue => value;

        public TradeNovaJwtOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<TradeNovaJwtOptions, string?> listener) => null;
    }
}
