using TradeNova.Backtest.Requests;
using TradeNova.Backtest.Running;
using TradeNova.ServiceDefaults.Problems;

namespace TradeNova.UnitTests.Backtest;

public sealed class DataSpecValidatorTests
{
    [Theory]
    [InlineData("1Min")]
    [InlineData("5Min")]
    [InlineData("15Min")]
    [InlineData("1Hour")]
    [InlineData("1Day")]
    [InlineData(null)]
    public void The_lab_takes_alpacas_minute_hour_and_day_bars(string? timeframe)
    {
        var request = Alpaca(timeframe);
        var errors = new ValidationErrors();

        DataSpecValidator.Check(request, errors);

        errors.HasErrors.ShouldBeFalse();
    }

    [Theory]
    [InlineData("1Week")]
    [InlineData("2Hour")]
    [InlineData("1day")]
    [InlineData("")]
    public void Other_timeframes_are_refused_naming_the_field(string timeframe)
    {
        var errors = new ValidationErrors();

        DataSpecValidator.Check(Alpaca(timeframe), errors);

        errors.ToDictionary().Keys.ShouldBe(["data.timeframe"]);
    }

    private static BacktestRequest Alpaca(string? timeframe) =>
        new() { Start = new DateOnly(2025, 1, 6), Data = new DataSpec("alpaca", timeframe) };
}
