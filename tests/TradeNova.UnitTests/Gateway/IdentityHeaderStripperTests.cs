using Microsoft.AspNetCore.Http;
using TradeNova.Gateway.Security;

namespace TradeNova.UnitTests.Gateway;

public sealed class IdentityHeaderStripperTests
{
    [Fact]
    public void Headers_claiming_an_identity_are_removed_and_others_kept()
    {
        var headers = new HeaderDictionary
        {
            ["X-User-Id"] = "someone",
            ["x-userid"] = "someone",
            ["X-Auth-Request-User"] = "someone",
            ["X-Forwarded-User"] = "someone",
            ["X-Role"] = "admin",
            ["Authorization"] = "Bearer abc",
            ["X-Correlation-Id"] = "c1",
            ["Idempotency-Key"] = "k1",
        };

        IdentityHeaderStripper.Strip(headers);

        headers.Keys.ShouldBe(["Authorization", "X-Correlation-Id", "Idempotency-Key"], ignoreOrder: true);
    }
}
