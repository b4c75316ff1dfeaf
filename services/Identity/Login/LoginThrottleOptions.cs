namespace TradeNova.Identity.Login;

/// <summary>Bound from <c>TradeNova:Identity:LoginThrottle</c>.</summary>
public sealed class LoginThrottleOptions
{
    public const string SectionName = "TradeNova:Identity:LoginThrottle";

    /// <summary>Failures from one address for one account before it is locked for that address.</summary>
    public int FreeAttempts { get; set; } = 5;

    /// <summary>The first lock; each further failure doubles it up to <see cref="MaxLockout"/>.</summary>
    public TimeSpan BaseLockout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxLockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>A failure older than this no longer counts: the counter starts again.</summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the lock lasts after <paramref name="failures"/> consecutive failures (zero: not locked).</summary>
    public TimeSpan LockoutAfter(int failures)
    {
        if (failures < FreeAttempts)
            return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeAttempts, 30);
        var lockout = BaseLockout * Math.Pow(2, doublings);
        return lockout > MaxLockout ? MaxLockout : lockout;
    }
}
