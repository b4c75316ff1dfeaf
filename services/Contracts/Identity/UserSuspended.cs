namespace TradeNova.Contracts.Identity;

/// <summary>An administrator suspended the account: sign-in is refused and every session ended. Risk halts the user's
/// trading, since access tokens already issued stay valid for their short lifetime.</summary>
public sealed record UserSuspended(Guid UserId, Guid AdminId, string Reason, DateTimeOffset SuspendedAt);
