using Microsoft.AspNetCore.Http;
using TradeNova.Gateway.Security;

namespace TradeNova.UnitTests.Gateway;

public sealed class SecurityHeadersTests
{
    [Fact]
    public void Csp_only_names_a_well_formed_host()
    {
        SecurityHeaders.ContentSecurityPolicy(new HostString("127.0.0.1:5100")).ShouldContain("ws://127.0.0.1:5100 wss://127.0.0.1:5100");
        SecurityHeaders.ContentSecurityPolicy(new HostString("evil; script-src *")).ShouldNotContain("evil");
    }
}
