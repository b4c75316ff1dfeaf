using TradeNova.Trading.Numerics;

namespace TradeNova.Trading.Tests.Numerics;

/// <summary><see cref="ScaledDecimal.TryDecompose"/> reads a decimal's fields in place; what it reads must be what
/// <see cref="decimal.GetBits(decimal)"/> reports, for every sign, scale and size, and a mantissa beyond 63 bits is refused.</summary>
public class ScaledDecimalTests
{
    public static TheoryData<decimal> Values =>
    [
        0m, 0.000m, -0m, 1m, -1m, 164_421.015164m, -98_765.4321m, 0.0000000000000000000000000001m,
        long.MaxValue, -long.MaxValue, (decimal)long.MaxValue + 1m, decimal.MaxValue, decimal.MinValue,
        new decimal(-1, int.MaxValue, 0, true, 28), new decimal(0, 0, 1, false, 3), 1e15m / 7m,
    ];

    [Theory]
    // -0m and 0m print alike, so as separate cases the runner would skip one as a duplicate: the values run as one case.
    [MemberData(nameof(Values), DisableDiscoveryEnumeration = true)]
    public void A_decimal_splits_into_the_mantissa_and_scale_its_bits_hold(decimal value)
    {
        var bits = decimal.GetBits(value);
        var magnitude = (ulong)(uint)bits[1] << 32 | (uint)bits[0];
        var fits = bits[2] == 0 && magnitude <= long.MaxValue;

        ScaledDecimal.TryDecompose(value, out var mantissa, out var scale).ShouldBe(fits);

        scale.ShouldBe((bits[3] >> 16) & 0xFF);
        if (fits)
        {
            mantissa.ShouldBe(bits[3] < 0 ? -(long)magnitude : (long)magnitude);
            ScaledDecimal.Compose(mantissa, scale).ShouldBe(value);
            decimal.GetBits(ScaledDecimal.Compose(mantissa, scale)).ShouldBe(value == 0m ? decimal.GetBits(ScaledDecimal.Compose(0, scale)) : bits);
        }
    }
}
