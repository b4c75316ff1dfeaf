using TradeNova.Execution.Strategies;

namespace TradeNova.UnitTests.Execution.Strategies;

public class StrategyOrderKeysTests
{
    private static readonly Guid Run = Guid.Parse("0193a5a0-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset Bar = new(2026, 12, 2, 10, 31, 5, TimeSpan.Zero);

    [Fact]
    public void The_key_of_an_order_is_a_function_of_run_bar_time_and_sequence()
    {
        StrategyOrderKeys.For(Run, Bar, 0).ShouldBe($"strategy:{Run:N}:{Bar.ToUnixTimeSeconds()}:0");
        StrategyOrderKeys.For(Run, Bar, 1).ShouldBe(StrategyOrderKeys.For(Run, Bar.ToOffset(TimeSpan.FromHours(2)), 1), "the same instant in any offset");
    }

    [Fact]
    public void Keys_differ_by_run_bar_and_sequence_and_fit_the_idempotency_key_column()
    {
        var keys = new[]
        {
            StrategyOrderKeys.For(Run, Bar, 0), StrategyOrderKeys.For(Run, Bar, 1), StrategyOrderKeys.For(Run, Bar.AddSeconds(5), 0),
            StrategyOrderKeys.For(Guid.NewGuid(), Bar, 0),
        };
        keys.Distinct().Count().ShouldBe(keys.Length);
        keys.ShouldAllBe(k => k.Length <= 128);
    }

    [Fact]
    public void A_steps_keys_share_its_prefix_and_no_other_steps_do()
    {
        var prefix = StrategyOrderKeys.StepPrefix(Run, Bar);
        StrategyOrderKeys.For(Run, Bar, 0).ShouldStartWith(prefix);
        StrategyOrderKeys.For(Run, Bar, 12).ShouldStartWith(prefix);
        StrategyOrderKeys.For(Run, Bar.AddSeconds(50), 0).ShouldNotStartWith(prefix);
        StrategyOrderKeys.For(Run, Bar.AddSeconds(-1), 0).ShouldNotStartWith(prefix);
    }
}
