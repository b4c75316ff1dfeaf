using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace TradeNova.Trading.Numerics;

/// <summary>A <see cref="decimal"/> as a signed 64-bit mantissa and a power-of-ten scale (value = mantissa / 10^scale),
/// for the hot paths that add and multiply prices, quantities and cash exactly in integer arithmetic and convert back
/// only when a result is stored. Every operation reports whether it stayed exact in 64 bits, so callers fall back to
/// decimal arithmetic instead of rounding.</summary>
internal static class ScaledDecimal
{
    public const int MaxScale = 28;

    private static readonly long[] Pow10 = BuildPowers();

    /// <summary>True when <see cref="decimal"/>'s fields are laid out as <see cref="DecimalFields"/> (flags, high 32 bits,
    /// low 64 bits: .NET's layout since .NET Core 3.0), checked once against <see cref="decimal.GetBits(decimal)"/>; when
    /// it is not, <see cref="TryDecompose"/> reads the bits through the public API instead.</summary>
    private static readonly bool FieldsReadable = ReadsAsGetBits(-1234567890.123456789m)
        && ReadsAsGetBits(decimal.MaxValue) && ReadsAsGetBits(new decimal(-1, 0x7FFFFFFF, 7, false, 28));

    /// <summary>Splits <paramref name="value"/>; false when its 96-bit mantissa does not fit 63 bits.</summary>
    public static bool TryDecompose(decimal value, out long mantissa, out int scale)
    {
        if (FieldsReadable)
        {
            // The fields in place: GetBits copies them through a span, and this runs on every fill and sizing.
            ref readonly var fields = ref Unsafe.As<decimal, DecimalFields>(ref value);
            scale = (fields.Flags >> 16) & 0xFF;
            if (fields.High != 0 || fields.Low > long.MaxValue)
            {
                mantissa = 0;
                return false;
            }

            mantissa = fields.Flags < 0 ? -(long)fields.Low : (long)fields.Low;
            return true;
        }

        return TryDecomposeBits(value, out mantissa, out scale);
    }

    private static bool TryDecomposeBits(decimal value, out long mantissa, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0 || bits[1] < 0)
        {
            mantissa = 0;
            return false;
        }

        var magnitude = ((long)bits[1] << 32) | (uint)bits[0];
        mantissa = bits[3] < 0 ? -magnitude : magnitude;
        return true;
    }

    /// <summary>The decimal mantissa / 10^scale with exactly that scale (trailing zeros kept, as decimal arithmetic
    /// keeps them).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static decimal Compose(long mantissa, int scale)
    {
        var magnitude = mantissa < 0 ? (ulong)-mantissa : (ulong)mantissa;
        return new decimal((int)magnitude, (int)(magnitude >> 32), 0, mantissa < 0, (byte)scale);
    }

    /// <summary>mantissa × 10^<paramref name="digits"/>, false on overflow.</summary>
    public static bool TryScaleUp(ref long mantissa, int digits)
    {
        if (digits >= Pow10.Length)
        {
            return false;
        }

        var high = Math.BigMul(mantissa, Pow10[digits], out var low);
        if (high != (low >> 63))
        {
            return false;
        }

        mantissa = low;
        return true;
    }

    /// <summary>a × b, false on overflow.</summary>
    public static bool TryMultiply(long a, long b, out long product)
    {
        var high = Math.BigMul(a, b, out product);
        return high == (product >> 63);
    }

    /// <summary>a + b, false on overflow.</summary>
    public static bool TryAdd(long a, long b, out long sum)
    {
        sum = a + b;
        return ((a ^ sum) & (b ^ sum)) >= 0;
    }

    /// <summary>Adds (<paramref name="mantissa"/>, <paramref name="scale"/>) into the accumulator the way decimal addition
    /// does: the operand of smaller scale is scaled up and the sum keeps the larger scale. Exact or false.</summary>
    public static bool TryAccumulate(ref long accumulator, ref int accumulatorScale, long mantissa, int scale)
    {
        if (scale > accumulatorScale)
        {
            if (scale > MaxScale || !TryScaleUp(ref accumulator, scale - accumulatorScale))
            {
                return false;
            }

            accumulatorScale = scale;
        }
        else if (scale < accumulatorScale && !TryScaleUp(ref mantissa, accumulatorScale - scale))
        {
            return false;
        }

        return TryAdd(accumulator, mantissa, out accumulator);
    }

    private static bool ReadsAsGetBits(decimal value)
    {
        var bits = decimal.GetBits(value);
        var fields = Unsafe.As<decimal, DecimalFields>(ref value);
        return fields.Flags == bits[3] && fields.High == (uint)bits[2] && fields.Low == ((ulong)(uint)bits[1] << 32 | (uint)bits[0]);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct DecimalFields
    {
        public readonly int Flags;
        public readonly uint High;
        public readonly ulong Low;
    }

    private static long[] BuildPowers()
    {
        var powers = new long[19];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
