using System.Security.Claims;

namespace TradeNova.ServiceDefaults.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The caller's user id, taken only from the token's <c>sub</c> claim.</summary>
    /// <exception cref="InvalidOperationException">The principal has no GUID <c>sub</c> (endpoint not protected).</exception>
    public static Guid GetUserId(this ClaimsPrincipal principal) =>
        principal.TryGetUserId(out var userId)
            ? userId
            : throw new InvalidOperationException("The caller has no 'sub' claim holding a user id; is the endpoint protected?");

    public static bool TryGetUserId(this ClaimsPrincipal principal, out Guid userId)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirst(TradeNovaClaims.Subject)?.Value;
        return Guid.TryParse(subject, out userId) && userId != Guid.Empty;
    }
}
