using TradeNova.Trading.Data;

namespace TradeNova.Execution.Strategies;

/// <summary>
/// Aggregates one symbol's ticks into OHLC bars of a fixed length aligned to the Unix epoch (a 60 s bar opens on the
/// minute). A bar is complete when a tick of a later window arrives or the clock passes its end (<see cref="Flush"/>);
/// a tick older than the open window is ignored. Volume is the number of ticks (the simulated feed trades no size), or the
/// sum of the shorter bars' volumes.
/// </summary>
public sealed class BarAggregator(TimeSpan length)
{
    private readonly long _lengthTicks = length > TimeSpan.Zero ? length.Ticks : throw new ArgumentOutOfRangeException(nameof(length));
    private Bar? _open;

    public TimeSpan Length => length;

    /// <summary>The open time of the window containing <paramref name="time"/>.</summary>
    public static DateTimeOffset WindowStart(DateTimeOffset time, TimeSpan length)
    {
        var utc = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var start = utc - (((utc % length.Ticks) + length.Ticks) % length.Ticks);
        return new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + start, TimeSpan.Zero);
    }

    /// <summary>Adds a tick; returns the bar it completed, if it opened a new window.</summary>
    public Bar? Add(DateTimeOffset time, decimal price) => Add(new Bar(time, price, price, price, price, 1));

    /// <summary>
    /// Adds a shorter bar (a broker's minute bar) the way a tick is added: its open opens a window, its high and low widen
    /// it, its close is the latest, its volume adds up. Returns the bar it completed, if it opened a new window.
    /// </summary>
    public Bar? Add(Bar part)
    {
        var start = WindowStart(part.Time, length);
        if (_open is { } bar)
        {
            if (start < bar.Time)
            {
                return null;
            }

            if (start == bar.Time)
            {
                _open = bar with { High = Math.Max(bar.High, part.High), Low = Math.Min(bar.Low, part.Low), Close = part.Close, Volume = bar.Volume + part.Volume };
                return null;
            }
        }

        var completed = _open;
        _open = part with { Time = start };
        return completed;
    }

    /// <summary>The open bar, if the clock has passed its end (it is then complete: no later tick can belong to it).</summary>
    public Bar? Flush(DateTimeOffset now)
    {
        if (_open is { } bar && now.UtcTicks >= bar.Time.UtcTicks + _lengthTicks)
        {
            _open = null;
            return bar;
        }

        return null;
    }
}
