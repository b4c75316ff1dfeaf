namespace TradeNova.Trading.Optimization;

/// <summary>The parameter sets a search visits: every combination of the ranges (grid search), or a seeded sample of
/// distinct grid points (random search). The order is fixed (first range outermost), so rankings break ties the same
/// way on every run.</summary>
public static class ParameterSpace
{
    /// <summary>Number of combinations, saturating at <see cref="long.MaxValue"/> instead of overflowing.</summary>
    public static long GridSize(IReadOnlyList<ParameterRange> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        long size = 1;
        foreach (var range in ranges)
        {
            var count = range.Count;
            if (count == 0)
                return 0;
            size = size > long.MaxValue / count ? long.MaxValue : size * count;
        }

        return ranges.Count == 0 ? 0 : size;
    }

    public static IReadOnlyList<ParameterSet> Grid(IReadOnlyList<ParameterRange> ranges, int maxSets = int.MaxValue)
    {
        var size = GridSize(ranges);
        if (size > maxSets)
            throw new ArgumentException($"The grid has {size} sets, more than {maxSets}.", nameof(ranges));
        var values = ranges.Select(r => r.Values()).ToArray();
        var sets = new ParameterSet[size];
        for (var i = 0L; i < size; i++)
        {
            sets[i] = At(ranges, values, i);
        }

        return sets;
    }

    /// <summary><paramref name="count"/> distinct grid points drawn with a seeded generator, in grid order; the whole grid
    /// when it has no more than <paramref name="count"/> points.</summary>
    public static IReadOnlyList<ParameterSet> Random(IReadOnlyList<ParameterRange> ranges, int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var size = GridSize(ranges);
        if (size <= count)
            return Grid(ranges);

        var values = ranges.Select(r => r.Values()).ToArray();
        var random = new Random(seed);
        var chosen = new SortedSet<long>();
        while (chosen.Count < count)
        {
            chosen.Add(random.NextInt64(size));
        }

        return chosen.Select(i => At(ranges, values, i)).ToArray();
    }

    private static ParameterSet At(IReadOnlyList<ParameterRange> ranges, IReadOnlyList<decimal>[] values, long index)
    {
        var set = new ParameterValue[ranges.Count];
        for (var r = ranges.Count - 1; r >= 0; r--)
        {
            var count = values[r].Count;
            set[r] = new ParameterValue(ranges[r].Name, values[r][(int)(index % count)]);
            index /= count;
        }

        return new ParameterSet(set);
    }
}
