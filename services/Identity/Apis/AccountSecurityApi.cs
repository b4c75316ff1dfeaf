using Microsoft.AspNetCore.Identity;
using TradeNova.Identity.Audit;
using TradeNova.Identity.Login;
using TradeNova.Identity.Registration;
using TradeNova.Identity.Tokens;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Apis;

/// <summary>
/// Ending sessions and changing the password. A session is one login's refresh-token family: logging out revokes it,
/// a password change or "sign out everywhere" revokes all of the user's. Access tokens already issued live out their
/// short lifetime, since services check them without asking Identity.
/// </summary>
public static class AccountSecurityApi
{
    private const string DeadResetLink = "This reset link is not valid: it was used, replaced or has expired. Ask support for a new one.";

    public static RouteGroupBuilder MapAccountSecurityApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/identity").WithTags("Identity");
        // Anonymous: the refresh token proves the session, and the access token may have expired already.
        api.MapPost("/logout", LogoutAsync).AllowAnonymous();
        api.MapPost("/password", ChangePasswordAsync).RequireAuthorization().WithNoStore();
        // Anonymous: whoever holds the one-time link an administrator issued sets the password.
        api.MapPost("/password/reset", ResetPasswordAsync).AllowAnonymous();
        api.MapGet("/sessions", ListSessionsAsync).RequireAuthorization();
        api.MapDelete("/sessions", EndAllSessionsAsync).RequireAuthorization();
        api.MapDelete("/sessions/{sessionId:guid}", EndOneSessionAsync).RequireAuthorization();
        return api;
    }

    public static async Task<Results<NoContent, ValidationProblem>> LogoutAsync(
        LogoutRequest request,
        TokenService tokens,
        IdentityContext db,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 256)
        {
            return new ValidationErrors().Add("refreshToken", "Send the refresh token of the session to end.").ToProblem();
        }

        // An unknown or already ended session is as good as ended: the answer is the same, so it reveals nothing.
        if (await tokens.EndSessionAsync(request.RefreshToken, cancellationToken) is { } userId)
        {
            audit.Record(AuditActions.LoggedOut, userId, null);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<IssuedTokens>, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request,
        ClaimsPrincipal principal,
        HttpContext http,
        IdentityContext db,
        IPasswordHasher<User> hasher,
        TokenService tokens,
        LoginThrottle throttle,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == principal.GetUserId(), cancellationToken);
        if (user is null)
        {
            return ProblemResults.Unauthorized("unknown-user", "The signed-in account no longer exists.");
        }

        if (user.SuspendedAt is not null)
        {
            // An access token issued before the suspension must not buy a new session.
            return IdentityProblems.AccountSuspended();
        }

        // A stolen access token must not become a way to guess the password: wrong current passwords count as failed
        // sign-ins of this account from this address, and a lock applies to both.
        var accountKey = LoginThrottle.AccountKeyOf(user.NormalizedEmail);
        var clientAddress = SignInThrottling.ClientAddress(http);
        var now = time.GetUtcNow();
        if (await throttle.LockedForAsync(accountKey, clientAddress, now, cancellationToken) is { } wait)
        {
            return SignInThrottling.TooManyAttempts(http, wait);
        }

        var errors = new ValidationErrors();
        errors.Check(!string.IsNullOrEmpty(request.CurrentPassword), "currentPassword", "Enter your current password.");
        if (PasswordPolicy.Check(request.NewPassword, user.Email) is { } broken)
        {
            errors.Add("newPassword", broken.Message);
        }
        else
        {
            errors.Check(request.NewPassword != request.CurrentPassword, "newPassword", "Choose a password different from the current one.");
        }

        // No stored password is longer than the policy allows, so a longer one is wrong without hashing it.
        if (!string.IsNullOrEmpty(request.CurrentPassword)
            && (request.CurrentPassword.Length > PasswordPolicy.MaxLength
                || hasher.VerifyHashedPassword(user, user.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed))
        {
            var lockout = await throttle.RecordFailureAsync(accountKey, clientAddress, now, cancellationToken);
            audit.Record(AuditActions.PasswordChangeFailed, user.Id, user.Email,
                lockout > TimeSpan.Zero ? $"wrong current password; locked for this address for {SignInThrottling.Seconds(lockout)} s" : "wrong current password");
            await db.SaveChangesAsync(cancellationToken);
            errors.Add("currentPassword", "The current password is incorrect.");
        }

        if (errors.HasErrors)
        {
            return errors.ToProblem();
        }

        // Hashing and the signing keys (a pooled connection of its own) come before the transaction holds one. Then one
        // transaction: the new hash, every old session revoked and this browser's new one, or none of them.
        user.PasswordHash = hasher.HashPassword(user, request.NewPassword!);
        var issued = await tokens.IssueAsync(user, familyId: Guid.NewGuid(), cancellationToken);
        audit.Record(AuditActions.PasswordChanged, user.Id, user.Email, "every other session ended");
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await tokens.EndAllSessionsAsync(user.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await throttle.ResetAsync(accountKey, clientAddress, cancellationToken);
        return TypedResults.Ok(issued);
    }

    public static async Task<Results<NoContent, ValidationProblem>> ResetPasswordAsync(
        ResetPasswordRequest request,
        IdentityContext db,
        IPasswordHasher<User> hasher,
        TokenService tokens,
        LoginThrottle throttle,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = string.IsNullOrWhiteSpace(request.Token) || request.Token.Length > 256 ? null : RefreshTokenHasher.Hash(request.Token);
        var reset = hash is null
            ? null
            : await db.PasswordResets.SingleOrDefaultAsync(r => r.TokenHash == hash && r.ClosedAt == null && r.ExpiresAt > now, cancellationToken);
        var user = reset is null ? null : await db.Users.SingleAsync(u => u.Id == reset.UserId, cancellationToken);
        var errors = new ValidationErrors();
        if (user is null)
        {
            errors.Add("token", DeadResetLink);
        }
        else if (PasswordPolicy.Check(request.NewPassword, user.Email) is { } broken)
        {
            errors.Add("newPassword", broken.Message);
        }

        if (errors.HasErrors || user is null || reset is null)
        {
            if (user is not null)
            {
                audit.Record(AuditActions.PasswordResetRefused, user.Id, user.Email, "the new password breaks the rules");
                await db.SaveChangesAsync(cancellationToken);
            }

            return errors.ToProblem();
        }

        // Hashed before the transaction holds a connection. The link closes in the same statement that checks it is
        // open, so two uses at once set the password once.
        var newHash = hasher.HashPassword(user, request.NewPassword!);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var closed = await db.PasswordResets
            .Where(r => r.Id == reset.Id && r.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClosedAt, now), cancellationToken);
        if (closed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ValidationErrors().Add("token", DeadResetLink).ToProblem();
        }

        user.PasswordHash = newHash;
        await tokens.EndAllSessionsAsync(user.Id, cancellationToken);
        audit.Record(AuditActions.PasswordReset, user.Id, user.Email, "with an administrator's link; every session ended");
        await throttle.ForgetAccountAsync(LoginThrottle.AccountKeyOf(user.NormalizedEmail), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's sessions that can still refresh, the latest active first; <c>Current</c> marks the one the
    /// access token belongs to.</summary>
    public static async Task<Ok<List<SessionResponse>>> ListSessionsAsync(
        ClaimsPrincipal principal, IdentityContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var now = time.GetUtcNow();
        // A session's live token is the newest of its family: neither rotated nor revoked.
        var live = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.RevokedAt == null && t.RotatedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        var families = live.Select(t => t.FamilyId).ToList();
        var signedIn = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == userId && families.Contains(t.FamilyId))
            .GroupBy(t => t.FamilyId)
            .Select(g => new { FamilyId = g.Key, At = g.Min(t => t.CreatedAt) })
            .ToDictionaryAsync(g => g.FamilyId, g => g.At, cancellationToken);
        var current = principal.FindFirst(TradeNovaClaims.SessionId)?.Value;
        var sessions = live
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new SessionResponse(t.FamilyId, signedIn.GetValueOrDefault(t.FamilyId, t.CreatedAt), t.CreatedAt, t.ExpiresAt,
                t.ClientAddress, t.UserAgent, current == t.FamilyId.ToString()))
            .ToList();
        return TypedResults.Ok(sessions);
    }

    /// <summary>Ends one of the caller's sessions (another device's, or this one's, which is logging out).</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> EndOneSessionAsync(
        Guid sessionId, ClaimsPrincipal principal, IdentityContext db, TokenService tokens, AuditLog audit, CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        if (!await db.RefreshTokens.AnyAsync(t => t.UserId == userId && t.FamilyId == sessionId, cancellationToken))
        {
            // Someone else's session is as unknown as one that never was.
            return ProblemResults.NotFound("No such session.");
        }

        await tokens.EndSessionAsync(userId, sessionId, cancellationToken);
        audit.Record(AuditActions.LoggedOut, userId, null, $"session {sessionId} ended from the sessions list");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> EndAllSessionsAsync(
        ClaimsPrincipal principal,
        TokenService tokens,
        IdentityContext db,
        AuditLog audit,
        CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        await tokens.EndAllSessionsAsync(userId, cancellationToken);
        audit.Record(AuditActions.AllSessionsEnded, userId, null);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
