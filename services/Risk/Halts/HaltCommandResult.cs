namespace TradeNova.Risk.Halts;

/// <summary>Outcome of a resume: done, or refused with a sentence saying why (409).</summary>
public sealed record HaltCommandResult(bool Succeeded, string? Refusal)
{
    public static HaltCommandResult Ok { get; } = new(true, null);

    public static HaltCommandResult Refused(string why) => new(false, why);
}
