using Microsoft.Extensions.Options;

namespace TradeNova.Execution.Market;

/// <summary>
/// Seeded simulation of the universe, a pure function of (seed, epoch, symbol, time): every instance shows the same
/// price at the same instant without talking to the others, and a restart continues the same path.
/// <para>
/// Log price is a driftless Brownian motion (geometric Brownian motion in price) with each symbol's volatility on a
/// 24/7 calendar (σ per day = annual / √365), built top-down so any instant is cheap to evaluate: a daily path from the
/// epoch's reference price, then a Brownian bridge of 1,440 minute steps between consecutive day levels, then a bridge of
/// 60 one-second steps between minute levels, then linear interpolation inside the second. Each step's normal draw comes
/// from a counter-based hash of (seed, symbol, level, step), so no state is carried between calls. Prices are rounded to
/// cents.
/// </para>
/// <para>
/// An operator's price shock (<see cref="MarketShocks"/>) multiplies the path from its effective time on; it is part of
/// the same function of time, since every instance loads it before it takes effect.
/// </para>
/// </summary>
public sealed class PriceSimulator
{
    private const int MinutesPerDay = 1440;
    private const int SecondsPerMinute = 60;
    private const long SecondsPerDay = 86_400;
    private const int MaxCachedArrays = 4_096;

    private readonly ulong _seed;
    private readonly long _epochDay;
    private readonly double[] _logReference;
    private readonly double[] _dailySigma;
    private readonly double[] _minuteSigma;
    private readonly double[] _secondSigma;
    private readonly SimulationOptions _options;
    private readonly MarketShocks? _shocks;
    private readonly Lock _lock = new();
    private readonly List<double>[] _forwardDays;
    private readonly List<double>[] _backwardDays;
    private readonly Dictionary<(int Symbol, long Day), double[]> _minuteLevels = [];
    private readonly Dictionary<(int Symbol, long Minute), double[]> _secondLevels = [];

    public PriceSimulator(IOptions<SimulationOptions> options, MarketShocks? shocks = null)
    {
        _options = options.Value;
        _shocks = shocks;
        _seed = _options.Seed;
        _epochDay = FloorDiv(_options.Epoch.ToUnixTimeSeconds(), SecondsPerDay);
        var symbols = SymbolUniverse.All;
        _logReference = symbols.Select(s => Math.Log((double)s.ReferencePrice)).ToArray();
        _dailySigma = symbols.Select(s => s.AnnualVolatility / Math.Sqrt(365.0)).ToArray();
        _minuteSigma = _dailySigma.Select(sigma => sigma / Math.Sqrt(MinutesPerDay)).ToArray();
        _secondSigma = _minuteSigma.Select(sigma => sigma / Math.Sqrt(SecondsPerMinute)).ToArray();
        _forwardDays = symbols.Select((_, i) => new List<double> { _logReference[i] }).ToArray();
        _backwardDays = symbols.Select((_, i) => new List<double> { _logReference[i] }).ToArray();
    }

    public const string Source = "simulated";

    /// <summary>The last price of the symbol at index <paramref name="symbol"/> (see <see cref="SymbolUniverse"/>).</summary>
    public decimal PriceAt(int symbol, DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        var second = FloorDiv(milliseconds, 1000);
        var fraction = (milliseconds - second * 1000) / 1000.0;
        double level;
        lock (_lock)
        {
            var start = SecondLevel(symbol, second);
            level = fraction == 0.0 ? start : start + (SecondLevel(symbol, second + 1) - start) * fraction;
        }

        var price = (decimal)Math.Exp(level) * (_shocks?.FactorAt(symbol, at) ?? 1m);
        return Math.Max(0.01m, Math.Round(price, 2, MidpointRounding.AwayFromZero));
    }

    /// <summary>Shares on offer at the tick containing <paramref name="at"/>: the per-tick liquidity cap of the exchange.</summary>
    public decimal QuoteSizeAt(int symbol, DateTimeOffset at)
    {
        var tick = FloorDiv(at.ToUnixTimeMilliseconds(), Math.Max(1, (long)_options.TickInterval.TotalMilliseconds));
        var range = (ulong)Math.Max(0m, decimal.Floor(_options.MaxQuoteSize - _options.MinQuoteSize));
        return _options.MinQuoteSize + (range == 0 ? 0 : Hash(symbol, 3, tick) % (range + 1));
    }

    public Quote QuoteAt(int symbol, DateTimeOffset at)
    {
        var last = PriceAt(symbol, at);
        var halfSpread = Math.Max(0.005m, last * _options.SpreadBasisPoints / 20_000m);
        return new Quote(
            SymbolUniverse.All[symbol].Symbol,
            last,
            Math.Max(0.01m, decimal.Floor((last - halfSpread) * 100m) / 100m),
            decimal.Ceiling((last + halfSpread) * 100m) / 100m,
            QuoteSizeAt(symbol, at),
            PriceAt(symbol, TradingSession.PreviousClose(at)),
            at);
    }

    private double SecondLevel(int symbol, long second)
    {
        var minute = FloorDiv(second, SecondsPerMinute);
        return SecondLevels(symbol, minute)[(int)(second - minute * SecondsPerMinute)];
    }

    /// <summary>61 log levels: a bridge of one-second steps between minute <paramref name="minute"/> and the next.</summary>
    private double[] SecondLevels(int symbol, long minute)
    {
        if (_secondLevels.TryGetValue((symbol, minute), out var cached))
        {
            return cached;
        }

        var day = FloorDiv(minute, MinutesPerDay);
        var minutes = MinuteLevels(symbol, day);
        var index = (int)(minute - day * MinutesPerDay);
        var levels = Bridge(minutes[index], minutes[index + 1], SecondsPerMinute, _secondSigma[symbol], symbol, 2, minute * SecondsPerMinute);
        Remember(_secondLevels, (symbol, minute), levels);
        return levels;
    }

    /// <summary>1,441 log levels: a bridge of one-minute steps between day <paramref name="day"/>'s level and the next day's.</summary>
    private double[] MinuteLevels(int symbol, long day)
    {
        if (_minuteLevels.TryGetValue((symbol, day), out var cached))
        {
            return cached;
        }

        var levels = Bridge(DayLevel(symbol, day), DayLevel(symbol, day + 1), MinutesPerDay, _minuteSigma[symbol], symbol, 1, day * MinutesPerDay);
        Remember(_minuteLevels, (symbol, day), levels);
        return levels;
    }

    /// <summary>Log level at midnight UTC of <paramref name="day"/>: a random walk from the reference price at the epoch.</summary>
    private double DayLevel(int symbol, long day)
    {
        var offset = day - _epochDay;
        if (offset >= 0)
        {
            var forward = _forwardDays[symbol];
            while (forward.Count <= offset)
            {
                var step = _epochDay + forward.Count - 1;
                forward.Add(forward[^1] + _dailySigma[symbol] * Normal(symbol, 0, step));
            }

            return forward[(int)offset];
        }

        var backward = _backwardDays[symbol];
        while (backward.Count <= -offset)
        {
            var step = _epochDay - backward.Count;
            backward.Add(backward[^1] - _dailySigma[symbol] * Normal(symbol, 0, step));
        }

        return backward[(int)-offset];
    }

    /// <summary>
    /// A Brownian bridge from <paramref name="from"/> to <paramref name="to"/> in <paramref name="steps"/> steps of
    /// standard deviation <paramref name="sigma"/>: W_k − (k/n)·W_n added to the straight line.
    /// </summary>
    private double[] Bridge(double from, double to, int steps, double sigma, int symbol, int level, long firstStep)
    {
        var walk = new double[steps + 1];
        for (var k = 0; k < steps; k++)
        {
            walk[k + 1] = walk[k] + sigma * Normal(symbol, level, firstStep + k);
        }

        var levels = new double[steps + 1];
        for (var k = 0; k <= steps; k++)
        {
            var t = (double)k / steps;
            levels[k] = from + (to - from) * t + walk[k] - t * walk[steps];
        }

        return levels;
    }

    private static void Remember<TKey>(Dictionary<TKey, double[]> cache, TKey key, double[] value)
        where TKey : notnull
    {
        if (cache.Count >= MaxCachedArrays)
        {
            cache.Clear();
        }

        cache[key] = value;
    }

    /// <summary>A standard normal draw (Box–Muller) from two hashed uniforms.</summary>
    private double Normal(int symbol, int level, long step)
    {
        var h = Hash(symbol, level, step);
        var u1 = ((SplitMix(h) >> 11) + 0.5) / 9007199254740992.0;
        var u2 = ((SplitMix(h + 1) >> 11) + 0.5) / 9007199254740992.0;
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private ulong Hash(int symbol, int level, long step) =>
        SplitMix(SplitMix(SplitMix(_seed + (ulong)symbol) + (ulong)level) + unchecked((ulong)step));

    private static ulong SplitMix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }

    private static long FloorDiv(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}
