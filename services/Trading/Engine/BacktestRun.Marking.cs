using TradeNova.Trading.Numerics;

namespace TradeNova.Trading.Engine;

/// <summary>Marking to market: equity = cash + Σ quantity × latest close, with the value and scale decimal arithmetic
/// gives, computed in scaled 64-bit integers (see <see cref="ScaledDecimal"/>) and in decimal only as the fallback.</summary>
internal sealed partial class BacktestRun
{
    /// <summary>Cash plus every position at its latest close (the loop inlines the one-symbol case prepared by
    /// <see cref="PrepareSingleMarking"/>), exactly as decimal arithmetic computes
    /// <c>cash + q1 × c1 + q2 × c2 …</c> (value and scale), but in scaled 64-bit integers: no decimal multiplication
    /// per bar. A product or sum that would not fit 64 bits, or a scale above 28, falls back to the decimal sum.</summary>
    private decimal MarkPositions()
    {
        if (_integerMarking)
        {
            var total = _cashMantissa;
            var scale = _cashScale;
            var exact = true;
            for (var s = 0; s < _quantityMantissa.Length && exact; s++)
            {
                var quantity = _quantityMantissa[s];
                if (quantity == 0)
                {
                    continue;
                }

                var index = _lastIndex[s];
                var termScale = _quantityScale[s] + _closeScales[s][index];
                exact = termScale <= ScaledDecimal.MaxScale
                    && ScaledDecimal.TryMultiply(quantity, _closeMantissas[s][index], out var term)
                    && ScaledDecimal.TryAccumulate(ref total, ref scale, term, termScale);
            }

            if (exact)
            {
                return ScaledDecimal.Compose(total, scale);
            }
        }

        var equity = _cash;
        for (var s = 0; s < _positions.Length; s++)
        {
            var quantity = _positions[s].Quantity;
            if (quantity != 0m)
            {
                equity += quantity * LastClose(s);
            }
        }

        return equity;
    }

    /// <summary>Re-reads cash and positions as scaled integers after they changed (a fill), and decides whether
    /// <see cref="MarkPositions"/> may use them.</summary>
    private void RefreshIntegerMarking()
    {
        var fits = _closesFitIntegers && ScaledDecimal.TryDecompose(_cash, out _cashMantissa, out _cashScale);
        for (var s = 0; s < _positions.Length && fits; s++)
        {
            var quantity = _positions[s].Quantity;
            fits = ScaledDecimal.TryDecompose(quantity, out _quantityMantissa[s], out _quantityScale[s]);
            if (quantity == 0m)
            {
                // A flat position is skipped, whatever the scale of its zero.
                _quantityMantissa[s] = 0;
            }
        }

        _integerMarking = fits;
        _singleHeld = fits ? PrepareSingleMarking() : -1;
    }

    /// <summary>With one symbol held whose closes all have one scale, cash + quantity × close has the same scale at every
    /// bar (the larger of the two operands'), so both can be aligned to it once per fill; and when the largest close of
    /// the series keeps the sum inside 64 bits, no bar needs a check. Returns the symbol, or -1 when that does not hold.</summary>
    private int PrepareSingleMarking()
    {
        var held = -1;
        for (var s = 0; s < _quantityMantissa.Length; s++)
        {
            if (_quantityMantissa[s] != 0)
            {
                if (held >= 0)
                {
                    return -1;
                }

                held = s;
            }
        }

        if (held < 0 || _uniformCloseScale[held] < 0)
        {
            return -1;
        }

        var termScale = _quantityScale[held] + _uniformCloseScale[held];
        var scale = Math.Max(termScale, _cashScale);
        var cash = _cashMantissa;
        var quantity = _quantityMantissa[held];
        if (scale > ScaledDecimal.MaxScale
            || !ScaledDecimal.TryScaleUp(ref cash, scale - _cashScale)
            || !ScaledDecimal.TryScaleUp(ref quantity, scale - termScale))
        {
            return -1;
        }

        var bound = Int128.Abs(quantity) * _largestCloseMantissa[held] + Int128.Abs(cash);
        if (bound > long.MaxValue)
        {
            return -1;
        }

        _singleCash = cash;
        _singleQuantity = quantity;
        _singleScale = scale;
        return held;
    }

    private decimal LastClose(int s) => _bars[s][_lastIndex[s]].Close;
}
