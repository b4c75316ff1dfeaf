using System.Net;
using System.Text;

namespace TradeNova.IntegrationTests.Platform;

[Collection(PlatformCollection.Name)]
public class GatewayAuthenticationTests(PlatformFixture platform)
{
    [Fact]
    public async Task Portfolio_without_a_token_is_401()
    {
        using var gateway = platform.CreateGatewayClient();

        using var response = await gateway.GetAsync("/api/v1/portfolio", accessToken: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_with_one_changed_signature_byte_is_401()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewUserAsync();
        var parts = user.AccessToken.Split('.');
        var signature = Base64UrlDecode(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        var tampered = $"{parts[0]}.{parts[1]}.{Base64UrlEncode(signature)}";

        using var genuine = await gateway.GetAsync("/api/v1/identity/me", user.AccessToken);
        using var forged = await gateway.GetAsync("/api/v1/identity/me", tampered);

        genuine.StatusCode.ShouldBe(HttpStatusCode.OK);
        forged.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_with_five_segments_is_401()
    {
        using var gateway = platform.CreateGatewayClient();
        var user = await gateway.NewUserAsync();
        var parts = user.AccessToken.Split('.');
        // The shape of a compact JWE (five segments), built from a genuine token's pieces.
        var fiveSegments = $"{parts[0]}.{parts[1]}.{parts[2]}.{parts[1]}.{parts[2]}";

        using var response = await gateway.GetAsync("/api/v1/portfolio", fiveSegments);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }

    private static string Base64UrlEncode(byte[] value) =>
        Convert.ToBase64String(value).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
