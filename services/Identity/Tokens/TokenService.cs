using Microsoft.Extensions.Options;
using TradeNova.Identity.Apis;
using TradeNova.Identity.Audit;

namespace TradeNova.Identity.Tokens;

/// <summary>Issues token pairs and rotates refresh tokens; a replayed (already rotated) token revokes its family.</summary>
public sealed class TokenService(
    IdentityContext db,
    AccessTokenIssuer accessTokens,
    AuditLog audit,
    TimeProvider time,
    IHttpContextAccessor http,
    IOptions<IdentityTokenOptions> options)
{
    /// <summary>Stages a new refresh token for <paramref name="user"/> (caller saves) and signs an access token. Loads the
    /// signing keys on a pooled connection of its own, so it must not run inside a transaction.</summary>
    public async Task<IssuedTokens> IssueAsync(User user, Guid familyId, CancellationToken cancellationToken) =>
        Issue(user, familyId, await accessTokens.KeysAsync(cancellationToken));

    private IssuedTokens Issue(User user, Guid familyId, SigningKeySet signingKeys)
    {
        var refreshToken = RefreshTokenHasher.NewToken();
        var now = time.GetUtcNow();
        db.RefreshTokens.Add(new RefreshToken
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            FamilyId = familyId,
            TokenHash = RefreshTokenHasher.Hash(refreshToken),
            CreatedAt = now,
            ExpiresAt = now + options.Value.RefreshTokenLifetime,
            ClientAddress = http.HttpContext is { } request ? SignInThrottling.ClientAddress(request) : null,
            UserAgent = http.HttpContext?.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent
                ? AuditLog.Truncate(agent, RefreshToken.MaxUserAgentLength)
                : null,
        });
        var accessToken = accessTokens.Sign(user, familyId, signingKeys);
        return new IssuedTokens(accessToken, "Bearer", (int)accessTokens.Lifetime.TotalSeconds, refreshToken);
    }

    public async Task<(RefreshOutcome Outcome, IssuedTokens? Tokens)> RefreshAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenHasher.Hash(presented);
        var stored = await db.RefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (stored is null)
        {
            return (RefreshOutcome.Unknown, null);
        }

        var now = time.GetUtcNow();
        if (stored.RevokedAt is not null)
        {
            // An ended session's token (a tab still open after logging out elsewhere): refused, and not a replay.
            return (RefreshOutcome.Revoked, null);
        }

        if (stored.RotatedAt is not null)
        {
            return (await RevokeFamilyAsync(stored, now, cancellationToken), null);
        }

        if (stored.ExpiresAt <= now)
        {
            return (RefreshOutcome.Expired, null);
        }

        // Before the transaction: loading the keys takes a pooled connection of its own, which must not be awaited while
        // this request holds one (enough concurrent refreshes would hold the whole pool and wait on each other).
        var signingKeys = await accessTokens.KeysAsync(cancellationToken);

        // The user's row lock orders this refresh with anything that ends the user's sessions (they take it too): either
        // this refresh commits its new token before they revoke, or its claim finds the token revoked.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockUserAsync(stored.UserId, cancellationToken);
        // Conditional update: of two concurrent refreshes with the same token exactly one wins; the other is a reuse.
        var claimed = await db.RefreshTokens
            .Where(t => t.Id == stored.Id && t.RotatedAt == null && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RotatedAt, now), cancellationToken);
        if (claimed == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var ended = await db.RefreshTokens.AnyAsync(t => t.Id == stored.Id && t.RevokedAt != null, cancellationToken);
            return (ended ? RefreshOutcome.Revoked : await RevokeFamilyAsync(stored, now, cancellationToken), null);
        }

        if (user.SuspendedAt is not null)
        {
            await transaction.RollbackAsync(cancellationToken);
            await EndAllSessionsAsync(user.Id, cancellationToken);
            return (RefreshOutcome.Suspended, null);
        }

        var tokens = Issue(user, stored.FamilyId, signingKeys);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (RefreshOutcome.Rotated, tokens);
    }

    /// <summary>Ends the session <paramref name="presented"/> belongs to by revoking its whole family, whatever state the
    /// token itself is in. Returns the session's user, or null for a token Identity never issued.</summary>
    public async Task<Guid?> EndSessionAsync(string presented, CancellationToken cancellationToken)
    {
        var hash = RefreshTokenHasher.Hash(presented);
        var session = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Select(t => new { t.UserId, t.FamilyId })
            .SingleOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return null;
        }

        await EndSessionAsync(session.UserId, session.FamilyId, cancellationToken);
        return session.UserId;
    }

    /// <summary>Revokes every token of the session (refresh-token family) <paramref name="sessionId"/> of
    /// <paramref name="userId"/>; returns how many were still unrevoked.</summary>
    public Task<int> EndSessionAsync(Guid userId, Guid sessionId, CancellationToken cancellationToken) =>
        RevokeUnderUserLockAsync(userId, db.RefreshTokens.Where(t => t.UserId == userId && t.FamilyId == sessionId), cancellationToken);

    /// <summary>Revokes every refresh token of <paramref name="userId"/> not revoked yet: each of their sessions ends at
    /// its next refresh (an access token already issued lives out its short lifetime).</summary>
    public Task EndAllSessionsAsync(Guid userId, CancellationToken cancellationToken) =>
        RevokeUnderUserLockAsync(userId, db.RefreshTokens.Where(t => t.UserId == userId), cancellationToken);

    /// <summary>Revokes the unrevoked <paramref name="tokens"/> while holding the user's row lock, in the caller's
    /// transaction or one of its own. A refresh takes the lock before it claims and commits its new token, so none is
    /// issued between the lock and the revocation and then missed by it.</summary>
    private async Task<int> RevokeUnderUserLockAsync(Guid userId, IQueryable<RefreshToken> tokens, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            await LockUserAsync(userId, cancellationToken);
            var now = time.GetUtcNow();
            var revoked = await tokens.Where(t => t.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return revoked;
        }
    }

    private Task<User> LockUserAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.FromSql($"SELECT * FROM identity.users WHERE id = {userId} FOR UPDATE").SingleAsync(cancellationToken);

    private async Task<RefreshOutcome> RevokeFamilyAsync(RefreshToken reused, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await db.RefreshTokens
            .Where(t => t.FamilyId == reused.FamilyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now), cancellationToken);
        audit.Record(AuditActions.RefreshReused, reused.UserId, null, $"family {reused.FamilyId} revoked");
        await db.SaveChangesAsync(cancellationToken);
        return RefreshOutcome.Reused;
    }
}
