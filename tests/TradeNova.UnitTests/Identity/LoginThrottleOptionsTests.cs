using TradeNova.Identity.Login;

namespace TradeNova.UnitTests.Identity;

public sealed class LoginThrottleOptionsTests
{
    private readonly LoginThrottleOptions _options = new();

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void A_few_failures_do_not_lock(int failures) =>
        _options.LockoutAfter(failures).ShouldBe(TimeSpan.Zero);

    [Fact]
    public void The_fifth_failure_locks_for_30_seconds_and_each_further_one_doubles_it()
    {
        _options.LockoutAfter(5).ShouldBe(TimeSpan.FromSeconds(30));
        _options.LockoutAfter(6).ShouldBe(TimeSpan.FromSeconds(60));
        _options.LockoutAfter(7).ShouldBe(TimeSpan.FromSeconds(120));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(50)]
    [InlineData(int.MaxValue)]
    public void The_lock_never_exceeds_15_minutes_however_many_failures(int failures) =>
        _options.LockoutAfter(failures).ShouldBe(TimeSpan.FromMinutes(15));
}
