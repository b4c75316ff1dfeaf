using Microsoft.AspNetCore.Identity;
using TradeNova.Contracts.Identity;
using TradeNova.Identity.Audit;
using TradeNova.Identity.Login;
using TradeNova.Identity.Registration;
using TradeNova.Identity.Tokens;
using TradeNova.ServiceDefaults.Auth;
using TradeNova.ServiceDefaults.Data;
using TradeNova.ServiceDefaults.Messaging.Outbox;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.Identity.Apis;

public static class IdentityApi
{
    public static RouteGroupBuilder MapIdentityApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/identity").WithTags("Identity");
        api.MapPost("/register", RegisterAsync).AllowAnonymous();
        api.MapPost("/login", LoginAsync).AllowAnonymous().WithNoStore();
        api.MapPost("/refresh", RefreshAsync).AllowAnonymous().WithNoStore();
        api.MapGet("/me", GetMeAsync).RequireAuthorization();
        return api;
    }

    public static async Task<Results<Created<RegisteredResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request,
        IdentityContext db,
        IPasswordHasher<User> hasher,
        IOutbox outbox,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var activity = IdentityTelemetry.ActivitySource.StartActivity("register user");
        var errors = RegisterRequestValidator.Validate(request, out var email);
        if (errors.HasErrors || email is null)
        {
            return errors.ToProblem();
        }

        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email.Key, cancellationToken))
        {
            return DuplicateEmail();
        }

        var now = time.GetUtcNow();
        var user = new User
        {
            Id = Guid.CreateVersion7(now),
            Email = email.Address,
            NormalizedEmail = email.Key,
            DisplayName = request.DisplayName!.Trim(),
            PasswordHash = "",
            Role = TradeNovaRoles.Subscriber,
            Plan = UserDefaults.Plan,
            SubscriptionStatus = UserDefaults.SubscriptionStatus,
            CreatedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        activity?.SetTag("tradenova.user_id", user.Id);
        db.Users.Add(user);
        outbox.Add(new UserRegistered(user.Id, user.Email, user.DisplayName, now));
        audit.Record(AuditActions.Registered, user.Id, user.Email);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // Lost a race with a concurrent registration of the same address.
            return DuplicateEmail();
        }

        return TypedResults.Created("/api/v1/identity/me", new RegisteredResponse(user.Id, user.Email));
    }

    public static async Task<Results<Ok<IssuedTokens>, ProblemHttpResult>> LoginAsync(
        LoginRequest request,
        HttpContext http,
        IdentityContext db,
        IPasswordHasher<User> hasher,
        TokenService tokens,
        LoginThrottle throttle,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var activity = IdentityTelemetry.ActivitySource.StartActivity("login");
        var email = request.Email?.Trim() ?? "";
        var normalized = EmailNormalizer.Normalize(email);
        // Unknown emails are throttled like known ones, so a lock does not reveal that an account exists.
        var accountKey = LoginThrottle.AccountKeyOf(normalized?.Key ?? EmailNormalizer.KeyOf(email));
        var clientAddress = SignInThrottling.ClientAddress(http);
        var now = time.GetUtcNow();
        var user = normalized is null ? null : await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized.Key, cancellationToken);

        if (await throttle.LockedForAsync(accountKey, clientAddress, now, cancellationToken) is { } wait)
        {
            audit.Record(AuditActions.LoginThrottled, user?.Id, email, $"locked for this address for {SignInThrottling.Seconds(wait)} s more");
            await db.SaveChangesAsync(cancellationToken);
            return SignInThrottling.TooManyAttempts(http, wait);
        }

        // The same hashing work for an unknown email as for a wrong password, so timing does not reveal accounts.
        var verdict = user is null
            ? BurnVerification(hasher, request.Password)
            : hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password ?? "");

        activity?.SetTag("tradenova.login.succeeded", user is not null && verdict != PasswordVerificationResult.Failed);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            var lockout = await throttle.RecordFailureAsync(accountKey, clientAddress, now, cancellationToken);
            audit.Record(AuditActions.LoginFailed, user?.Id, email);
            if (lockout > TimeSpan.Zero)
            {
                audit.Record(AuditActions.LoginLocked, user?.Id, email, $"locked for this address for {SignInThrottling.Seconds(lockout)} s");
            }

            await db.SaveChangesAsync(cancellationToken);
            return ProblemResults.Unauthorized("invalid-credentials", "Email or password is incorrect.");
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
        }

        await throttle.ResetAsync(accountKey, clientAddress, cancellationToken);
        if (user.SuspendedAt is not null)
        {
            // Only after the right password, so the answer tells nothing to someone who does not know it.
            audit.Record(AuditActions.LoginSuspended, user.Id, user.Email);
            await db.SaveChangesAsync(cancellationToken);
            return IdentityProblems.AccountSuspended();
        }

        var issued = await tokens.IssueAsync(user, familyId: Guid.NewGuid(), cancellationToken);
        audit.Record(AuditActions.LoginSucceeded, user.Id, user.Email);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(issued);
    }

    public static async Task<Results<Ok<IssuedTokens>, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request,
        TokenService tokens,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 256)
        {
            return ProblemResults.Unauthorized("invalid-refresh-token", "The refresh token is not valid.");
        }

        var (outcome, issued) = await tokens.RefreshAsync(request.RefreshToken, cancellationToken);
        return outcome == RefreshOutcome.Rotated && issued is not null
            ? TypedResults.Ok(issued)
            : ProblemResults.Unauthorized("invalid-refresh-token", "The refresh token is not valid.");
    }

    public static async Task<Results<Ok<MeResponse>, NotFound>> GetMeAsync(
        ClaimsPrincipal principal,
        IdentityContext db,
        CancellationToken cancellationToken)
    {
        var userId = principal.GetUserId();
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new MeResponse(u.Id, u.Email, u.DisplayName, u.Role, u.Plan, u.SubscriptionStatus, u.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return me is null ? TypedResults.NotFound() : TypedResults.Ok(me);
    }

    private static ProblemHttpResult DuplicateEmail() =>
        ProblemResults.Conflict("email-taken", "An account with this email already exists.");

    /// <summary>Verifies against a real hash of a random password: the same PBKDF2 work as for a known account.</summary>
    private static PasswordVerificationResult BurnVerification(IPasswordHasher<User> hasher, string? password)
    {
        hasher.VerifyHashedPassword(DummyUser, DummyHash.Value, password ?? "");
        return PasswordVerificationResult.Failed;
    }

    private static readonly User DummyUser = new()
    {
        Email = "", NormalizedEmail = "", DisplayName = "", PasswordHash = "", Role = "", Plan = "", SubscriptionStatus = "",
    };

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>().HashPassword(DummyUser, Guid.NewGuid().ToString()));
}
