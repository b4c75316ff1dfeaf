using TradeNova.Trading.Strategies;
using TradeNova.Trading.Strategies.BuiltIn;

namespace TradeNova.Trading.Tests.StrategyTests;

public sealed class StrategyParameterTests
{
    private static string[] Fields(IStrategyParameters parameters) => [.. parameters.Validate().Select(e => e.Field)];

    [Fact]
    public void Defaults_are_valid()
    {
        Fields(new SmaCrossoverParameters("SPX")).ShouldBeEmpty();
        Fields(new EmaCrossoverParameters("SPX")).ShouldBeEmpty();
        Fields(new RsiMeanReversionParameters("SPX")).ShouldBeEmpty();
        Fields(new BollingerMeanReversionParameters("SPX")).ShouldBeEmpty();
        Fields(new DonchianBreakoutParameters("SPX")).ShouldBeEmpty();
        Fields(new BuyAndHoldParameters(["SPX"])).ShouldBeEmpty();
        Fields(new MomentumRotationParameters(["A", "B", "C", "D"])).ShouldBeEmpty();
    }

    [Fact]
    public void Crossover_fast_period_must_be_below_slow_period()
    {
        var errors = new SmaCrossoverParameters("SPX", 30, 30).Validate();
        errors.ShouldHaveSingleItem().Field.ShouldBe("fastPeriod");
        errors[0].Message.ShouldContain("slowPeriod");
        Fields(new EmaCrossoverParameters("SPX", 40, 20)).ShouldBe(["fastPeriod"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    [InlineData(-3)]
    public void Periods_outside_1_to_500_are_rejected_by_field(int period)
    {
        Fields(new RsiMeanReversionParameters("SPX", period)).ShouldBe(["period"]);
        Fields(new DonchianBreakoutParameters("SPX", 20, period)).ShouldBe(["exitPeriod"]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        Fields(new SmaCrossoverParameters(" ", 0, 600)).ShouldBe(["symbol", "fastPeriod", "slowPeriod"]);
    }

    [Fact]
    public void Rsi_thresholds_must_be_ordered_levels_inside_0_to_100()
    {
        Fields(new RsiMeanReversionParameters("SPX", 14, 70, 30)).ShouldBe(["oversold"]);
        Fields(new RsiMeanReversionParameters("SPX", 14, 0, 100)).ShouldBe(["oversold", "overbought"]);
    }

    [Fact]
    public void Bollinger_multiplier_must_be_positive_and_at_most_5()
    {
        Fields(new BollingerMeanReversionParameters("SPX", 20, 0)).ShouldBe(["multiplier"]);
        Fields(new BollingerMeanReversionParameters("SPX", 20, 5.5)).ShouldBe(["multiplier"]);
    }

    [Fact]
    public void Momentum_rotation_needs_distinct_symbols_and_fewer_holdings_than_symbols()
    {
        Fields(new MomentumRotationParameters(["A", "B"], TopCount: 2)).ShouldBe(["topCount"]);
        Fields(new MomentumRotationParameters(["A", "A", "B"], TopCount: 1)).ShouldBe(["symbols"]);
        Fields(new MomentumRotationParameters(["A"], TopCount: 1)).ShouldContain("symbols");
        Fields(new MomentumRotationParameters(["A", "B", "C"], 0, 1, 0)).ShouldBe(["lookbackDays", "rebalanceEveryDays"]);
    }

    [Fact]
    public void A_strategy_refuses_invalid_parameters_with_the_field_errors()
    {
        var exception = Should.Throw<StrategyParameterException>(() => new SmaCrossoverStrategy(new SmaCrossoverParameters("SPX", 50, 10)));
        exception.Errors.ShouldHaveSingleItem().Field.ShouldBe("fastPeriod");
    }
}
