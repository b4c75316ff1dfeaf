using System.Text.Json;
using TradeNova.Risk.Apis;
using TradeNova.ServiceDefaults.Problems;
using TradeNova.Trading.Risk;

namespace TradeNova.Risk.Limits;

/// <summary>
/// Changes a user's limits: validates, refuses to loosen past the platform defaults unless an admin asks, bumps the
/// version, appends the history row and the audit entry (who, when, old → new, why) in the same transaction.
/// Only fields whose value actually changes are judged, so an admin-granted looser limit survives the user
/// tightening another one.
/// </summary>
public sealed class RiskLimitsEditor(RiskContext db, TimeProvider time)
{
    public async Task<LimitsEditOutcome> ApplyAsync(
        Guid userId, UpdateRiskLimitsRequest request, Guid actorId, bool actorIsAdmin, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.HasErrors)
        {
            return LimitsEditOutcome.Invalid(errors.ToDictionary());
        }

        var now = time.GetUtcNow();
        var profile = await db.RiskProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            profile = RiskProfile.WithPlatformDefaults(userId, now);
            db.RiskProfiles.Add(profile);
            db.LimitVersions.Add(profile.ToVersion(null, "system", now, "platform defaults"));
        }

        var before = RiskLimitsDto.From(profile);
        var after = new RiskLimitsDto(
            request.MaxPositionFraction ?? before.MaxPositionFraction,
            request.MaxOpenPositions ?? before.MaxOpenPositions,
            request.DailyLossFraction ?? before.DailyLossFraction,
            request.MaxDrawdownFraction ?? before.MaxDrawdownFraction,
            request.StopLossFraction ?? before.StopLossFraction,
            request.TakeProfitFraction ?? before.TakeProfitFraction);

        if (!actorIsAdmin)
        {
            var needsAdmin = LoosenedPastDefaults(before, after);
            if (needsAdmin.Count > 0)
            {
                return LimitsEditOutcome.Forbidden(needsAdmin);
            }
        }

        if (after == before)
        {
            return LimitsEditOutcome.Changed(profile);
        }

        profile.MaxPositionFraction = after.MaxPositionFraction;
        profile.MaxOpenPositions = after.MaxOpenPositions;
        profile.DailyLossFraction = after.DailyLossFraction;
        profile.MaxDrawdownFraction = after.MaxDrawdownFraction;
        profile.StopLossFraction = after.StopLossFraction;
        profile.TakeProfitFraction = after.TakeProfitFraction;
        profile.UpdatedAt = now;
        profile.Version++;

        var role = actorIsAdmin ? "admin" : "user";
        db.LimitVersions.Add(profile.ToVersion(actorId, role, now, request.Reason));
        db.Audit.Add(new RiskAuditEntry
        {
            At = now,
            ActorId = actorId,
            ActorRole = role,
            Action = RiskActions.LimitsChanged,
            SubjectUserId = userId,
            OldValue = JsonSerializer.Serialize(before, JsonSerializerOptions.Web),
            NewValue = JsonSerializer.Serialize(after, JsonSerializerOptions.Web),
            Reason = request.Reason,
        });
        await db.SaveChangesAsync(cancellationToken);
        return LimitsEditOutcome.Changed(profile);
    }

    private static ValidationErrors Validate(UpdateRiskLimitsRequest request)
    {
        var errors = new ValidationErrors();
        CheckFraction(errors, request.MaxPositionFraction, "maxPositionFraction");
        CheckFraction(errors, request.DailyLossFraction, "dailyLossFraction");
        CheckFraction(errors, request.MaxDrawdownFraction, "maxDrawdownFraction");
        CheckFraction(errors, request.StopLossFraction, "stopLossFraction");
        CheckFraction(errors, request.TakeProfitFraction, "takeProfitFraction");
        errors.Check(request.MaxOpenPositions is null or >= 1 and <= 1000, "maxOpenPositions", "Must be between 1 and 1000.");
        errors.Check(request.Reason is null || request.Reason.Length <= 500, "reason", "At most 500 characters.");
        return errors;
    }

    private static void CheckFraction(ValidationErrors errors, decimal? value, string field) =>
        errors.Check(value is null or > 0m and <= 1m, field, "Must be a fraction above 0 and at most 1 (0.05 = 5%).");

    /// <summary>Fields changed to a value looser than the platform default (take-profit is a target, not a limit).</summary>
    private static List<string> LoosenedPastDefaults(RiskLimitsDto before, RiskLimitsDto after)
    {
        var defaults = RiskLimits.PlatformDefaults;
        var fields = new List<string>();
        if (after.MaxPositionFraction != before.MaxPositionFraction && after.MaxPositionFraction > defaults.MaxPositionFraction)
        {
            fields.Add("maxPositionFraction");
        }

        if (after.MaxOpenPositions != before.MaxOpenPositions && after.MaxOpenPositions > defaults.MaxOpenPositions)
        {
            fields.Add("maxOpenPositions");
        }

        if (after.DailyLossFraction != before.DailyLossFraction && after.DailyLossFraction > defaults.DailyLossFraction)
        {
            fields.Add("dailyLossFraction");
        }

        if (after.MaxDrawdownFraction != before.MaxDrawdownFraction && after.MaxDrawdownFraction > defaults.MaxDrawdownFraction)
        {
            fields.Add("maxDrawdownFraction");
        }

        if (after.StopLossFraction != before.StopLossFraction && after.StopLossFraction > defaults.DefaultStopLoss)
        {
            fields.Add("stopLossFraction");
        }

        return fields;
    }
}
