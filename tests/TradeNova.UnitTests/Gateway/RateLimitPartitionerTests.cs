using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TradeNova.Gateway.RateLimiting;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Gateway;

public sealed class RateLimitPartitionerTests
{
    private static DefaultHttpContext Request(string path, string ip = "203.0.113.7", Guid? userId = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        if (userId is { } id)
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(TradeNovaClaims.Subject, id.ToString())], TradeNovaAuthDefaults.Scheme));
        return context;
    }

    [Fact]
    public void Authenticated_api_call_is_partitioned_by_the_user_id()
    {
        var userId = Guid.NewGuid();

        var key = RateLimitPartitioner.GetKey(Request("/api/v1/orders", userId: userId));

        key.ShouldBe(new RateLimitPartitionKey(RateLimitPartitionKind.User, userId.ToString("N")));
    }

    [Fact]
    public void Same_user_from_two_addresses_shares_one_budget()
    {
        var userId = Guid.NewGuid();

        RateLimitPartitioner.GetKey(Request("/api/v1/orders", "198.51.100.1", userId))
            .ShouldBe(RateLimitPartitioner.GetKey(Request("/api/v1/portfolio", "198.51.100.2", userId)));
    }

    [Fact]
    public void Anonymous_api_call_is_partitioned_by_client_ip()
    {
        RateLimitPartitioner.GetKey(Request("/api/v1/identity/.well-known/jwks.json"))
            .ShouldBe(new RateLimitPartitionKey(RateLimitPartitionKind.Ip, "203.0.113.7"));
    }

    [Fact]
    public void Ipv4_mapped_ipv6_address_shares_the_ipv4_budget()
    {
        RateLimitPartitioner.GetKey(Request("/api/v1/identity/.well-known/jwks.json", "::ffff:203.0.113.7"))
            .ShouldBe(new RateLimitPartitionKey(RateLimitPartitionKind.Ip, "203.0.113.7"));
    }

    [Fact]
    public void Forwarded_for_header_cannot_choose_the_bucket()
    {
        var context = Request("/api/v1/identity/.well-known/jwks.json");
        context.Request.Headers["X-Forwarded-For"] = "192.0.2.99";

        RateLimitPartitioner.GetKey(context)?.Value.ShouldBe("203.0.113.7");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/assets/index-3f9a1c.js")]
    [InlineData("/health")]
    [InlineData("/alive")]
    [InlineData("/hubs/account")]
    [InlineData("/apiary")]
    public void Non_api_paths_are_not_limited(string path) =>
        RateLimitPartitioner.GetKey(Request(path)).ShouldBeNull();

    [Theory]
    [InlineData("/api/v1/identity/login")]
    [InlineData("/api/v1/identity/register")]
    [InlineData("/api/v1/identity/refresh")]
    [InlineData("/api/v1/identity/password")]
    [InlineData("/api/v1/identity/password/reset")]
    [InlineData("/API/V1/Identity/Login/")]
    public void Endpoints_that_take_a_password_or_a_refresh_token_spend_the_client_address_budget_even_with_a_valid_token(string path)
    {
        var key = RateLimitPartitioner.GetKey(Request(path, userId: Guid.NewGuid()));

        key.ShouldBe(new RateLimitPartitionKey(RateLimitPartitionKind.AuthIp, "203.0.113.7"));
    }

    [Theory]
    [InlineData("/api/v1/identity/me")]
    [InlineData("/api/v1/identity/sessions")]
    [InlineData("/api/v1/identity/logout")]
    [InlineData("/api/v1/identity/login/extra")]
    [InlineData("/api/v1/identity/loginx")]
    public void Other_identity_paths_are_not_auth_endpoints(string path) =>
        RateLimitPartitioner.IsAuthEndpoint(path).ShouldBeFalse();
}
