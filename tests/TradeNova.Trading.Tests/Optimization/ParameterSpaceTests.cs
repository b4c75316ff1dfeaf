using TradeNova.Trading.Optimization;

namespace TradeNova.Trading.Tests.Optimization;

public class ParameterSpaceTests
{
    private static readonly ParameterRange[] Ranges = [new("a", 1, 3, 1), new("b", 0.5m, 1.5m, 0.5m)];

    [Fact]
    public void Grid_visits_every_combination_with_the_first_range_outermost()
    {
        var grid = ParameterSpace.Grid(Ranges);

        ParameterSpace.GridSize(Ranges).ShouldBe(9);
        grid.Select(s => s.ToString()).ShouldBe([
            "a=1, b=0.5", "a=1, b=1.0", "a=1, b=1.5",
            "a=2, b=0.5", "a=2, b=1.0", "a=2, b=1.5",
            "a=3, b=0.5", "a=3, b=1.0", "a=3, b=1.5",
        ]);
    }

    [Fact]
    public void Random_search_draws_distinct_grid_points_and_the_same_ones_for_the_same_seed()
    {
        var ranges = new[] { new ParameterRange("fast", 1, 50, 1), new ParameterRange("slow", 51, 250, 1) };
        var grid = ParameterSpace.Grid(ranges).Select(s => s.ToString()).ToHashSet();

        var first = ParameterSpace.Random(ranges, 100, seed: 7).Select(s => s.ToString()).ToArray();
        var again = ParameterSpace.Random(ranges, 100, seed: 7).Select(s => s.ToString()).ToArray();
        var other = ParameterSpace.Random(ranges, 100, seed: 8).Select(s => s.ToString()).ToArray();

        first.Length.ShouldBe(100);
        first.Distinct().Count().ShouldBe(100);
        first.ShouldAllBe(s => grid.Contains(s));
        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void A_range_with_a_bad_step_or_reversed_bounds_names_the_field()
    {
        new ParameterRange("x", 1, 5, 0).Problems().Select(p => p.Field).ShouldContain("step");
        new ParameterRange("x", 5, 1, 1).Problems().Select(p => p.Field).ShouldContain("max");
        new ParameterRange("x", 1, 5, 1).Problems().ShouldBeEmpty();
    }
}
