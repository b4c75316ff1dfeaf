using TradeNova.Contracts.Identity;
using TradeNova.Identity.Apis;
using TradeNova.Identity.Audit;
using TradeNova.Identity.Tokens;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Admin;

/// <summary>
/// Operators' account controls (role admin): find users, suspend and reinstate sign-in, end a user's sessions, and read
/// Identity's audit log. Suspending ends every session at once and announces <see cref="UserSuspended"/>, on which Risk
/// halts the user's trading: access tokens already issued live out their 15 minutes.
/// </summary>
public static class IdentityAdminApi
{
    public const int MaxReasonLength = 500;
    public const int MaxSearchLength = 254;

    public static RouteGroupBuilder MapIdentityAdminApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/identity/admin").WithTags("Identity admin").RequireAuthorization(TradeNovaPolicies.Admin);
        api.MapGet("/users", ListUsersAsync);
        api.MapGet("/users/{userId:guid}", GetUserAsync);
        api.MapPost("/users/{userId:guid}/suspend", SuspendAsync);
        api.MapPost("/users/{userId:guid}/reinstate", ReinstateAsync);
        api.MapPost("/users/{userId:guid}/sessions/end", EndSessionsAsync);
        api.MapPost("/users/{userId:guid}/password-reset", IssuePasswordResetAsync).WithNoStore();
        api.MapGet("/audit", ListAuditAsync);
        return api;
    }

    /// <summary>Newest first. <paramref name="search"/> is a user id, or a part of an email address or display name.</summary>
    public static async Task<Results<Ok<List<AdminUserResponse>>, ValidationProblem>> ListUsersAsync(
        IdentityContext db, string? search, bool? suspended, int? offset, int? limit, CancellationToken cancellationToken)
    {
        var text = search?.Trim() ?? "";
        if (text.Length > MaxSearchLength)
        {
            return new ValidationErrors().Add("search", $"Search with at most {MaxSearchLength} characters.").ToProblem();
        }

        var query = db.Users.AsNoTracking();
        if (Guid.TryParse(text, out var id))
        {
            query = query.Where(u => u.Id == id);
        }
        else if (text.Length > 0)
        {
            var lower = text.ToLowerInvariant();
            query = query.Where(u => u.NormalizedEmail.Contains(lower) || u.Email.ToLower().Contains(lower) || u.DisplayName.ToLower().Contains(lower));
        }

        if (suspended is { } onlySuspended)
        {
            query = onlySuspended ? query.Where(u => u.SuspendedAt != null) : query.Where(u => u.SuspendedAt == null);
        }

        var users = await query
            .OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id)
            .Skip(Math.Max(0, offset ?? 0))
            .Take(Math.Clamp(limit ?? 50, 1, 200))
            .Select(u => new AdminUserResponse(u.Id, u.Email, u.DisplayName, u.Role, u.SubscriptionStatus, u.CreatedAt, u.SuspendedAt, u.SuspendedReason))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(users);
    }

    public static async Task<Results<Ok<AdminUserResponse>, ProblemHttpResult>> GetUserAsync(
        Guid userId, IdentityContext db, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is { } user
            ? TypedResults.Ok(Describe(user))
            : UnknownUser();

    public static async Task<Results<Ok<AdminUserResponse>, ValidationProblem, ProblemHttpResult>> SuspendAsync(
        Guid userId, AdminReasonRequest? request, ClaimsPrincipal principal, IdentityContext db, TokenService tokens, AuditLog audit,
        IOutbox outbox, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CheckReason(request) is { } invalid)
        {
            return invalid;
        }

        var adminId = principal.GetUserId();
        if (userId == adminId)
        {
            return ProblemResults.Conflict("cannot-suspend-self", "You cannot suspend your own account.",
                "Another administrator can, if it must be done.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return UnknownUser();
        }

        // Suspending again keeps the first suspension's time and reason; every session is ended and Risk halts trading
        // either way (an administrator may have resumed it there meanwhile).
        var reason = request!.Reason!.Trim();
        var now = time.GetUtcNow();
        if (user.SuspendedAt is null)
        {
            user.SuspendedAt = now;
            user.SuspendedReason = reason;
        }

        audit.Record(AuditActions.Suspended, user.Id, user.Email, $"by {adminId}: {reason}");
        outbox.Add(new UserSuspended(user.Id, adminId, reason, now));
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await tokens.EndAllSessionsAsync(user.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return TypedResults.Ok(Describe(user));
    }

    public static async Task<Results<Ok<AdminUserResponse>, ValidationProblem, ProblemHttpResult>> ReinstateAsync(
        Guid userId, AdminReasonRequest? request, ClaimsPrincipal principal, IdentityContext db, AuditLog audit,
        CancellationToken cancellationToken)
    {
        if (CheckReason(request) is { } invalid)
        {
            return invalid;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return UnknownUser();
        }

        if (user.SuspendedAt is not null)
        {
            user.SuspendedAt = null;
            user.SuspendedReason = null;
            audit.Record(AuditActions.Reinstated, user.Id, user.Email, $"by {principal.GetUserId()}: {request!.Reason!.Trim()}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(Describe(user));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> EndSessionsAsync(
        Guid userId, AdminReasonRequest? request, ClaimsPrincipal principal, IdentityContext db, TokenService tokens, AuditLog audit,
        CancellationToken cancellationToken)
    {
        if (CheckReason(request) is { } invalid)
        {
            return invalid;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return UnknownUser();
        }

        await tokens.EndAllSessionsAsync(user.Id, cancellationToken);
        audit.Record(AuditActions.SessionsEndedByAdmin, user.Id, user.Email, $"by {principal.GetUserId()}: {request!.Reason!.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>A one-time link for a trader who forgot the password, valid <see cref="PasswordReset.Lifetime"/>; the
    /// user's earlier unused links stop working. The token is in this answer only.</summary>
    public static async Task<Results<Ok<PasswordResetLinkResponse>, ValidationProblem, ProblemHttpResult>> IssuePasswordResetAsync(
        Guid userId, AdminReasonRequest? request, ClaimsPrincipal principal, IdentityContext db, AuditLog audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (CheckReason(request) is { } invalid)
        {
            return invalid;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return UnknownUser();
        }

        var now = time.GetUtcNow();
        var token = RefreshTokenHasher.NewToken();
        var reset = new PasswordReset
        {
            Id = Guid.CreateVersion7(now),
            UserId = user.Id,
            TokenHash = RefreshTokenHasher.Hash(token),
            IssuedBy = principal.GetUserId(),
            IssuedAt = now,
            ExpiresAt = now + PasswordReset.Lifetime,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.PasswordResets
            .Where(r => r.UserId == user.Id && r.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClosedAt, now), cancellationToken);
        db.PasswordResets.Add(reset);
        audit.Record(AuditActions.PasswordResetIssued, user.Id, user.Email, $"by {reset.IssuedBy}: {request!.Reason!.Trim()}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new PasswordResetLinkResponse(token, reset.ExpiresAt));
    }

    /// <summary>The latest 200 entries, or those about one user.</summary>
    public static async Task<Ok<List<IdentityAuditResponse>>> ListAuditAsync(IdentityContext db, Guid? userId, CancellationToken cancellationToken)
    {
        var query = db.AuditLog.AsNoTracking();
        if (userId is { } id)
        {
            query = query.Where(e => e.UserId == id);
        }

        var entries = await query.OrderByDescending(e => e.Id).Take(200)
            .Select(e => new IdentityAuditResponse(e.Id, e.OccurredAt, e.Action, e.UserId, e.Email, e.IpAddress, e.Detail))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(entries);
    }

    private static ValidationProblem? CheckReason(AdminReasonRequest? request)
    {
        var reason = request?.Reason?.Trim() ?? "";
        return reason.Length is > 0 and <= MaxReasonLength
            ? null
            : new ValidationErrors().Add("reason", $"Give a reason (at most {MaxReasonLength} characters).").ToProblem();
    }

    private static AdminUserResponse Describe(User user) =>
        new(user.Id, user.Email, user.DisplayName, user.Role, user.SubscriptionStatus, user.CreatedAt, user.SuspendedAt, user.SuspendedReason);

    private static ProblemHttpResult UnknownUser() => ProblemResults.NotFound("No such user.");
}
