using Microsoft.IdentityModel.Tokens;
using TradeNova.ServiceDefaults.Auth;

namespace TradeNova.UnitTests.Auth;

public sealed class StaticSigningKeySource(params SecurityKey[] keys) : ISigningKeySource
{
    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(string? kid, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<SecurityKey>>(keys);
}
