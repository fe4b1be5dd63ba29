using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZoneGrowth.Random;

/// <summary>
/// The xoshiro256** generator (Blackman and Vigna, 2018): 256 bits of state, period 2^256 − 1,
/// fast and statistically strong. A value type so that a hot loop keeps it in registers; seeded
/// through SplitMix64 as its authors recommend, so any 64-bit seed gives a well-mixed state.
/// </summary>
public struct Xoshiro256StarStar
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>A generator whose state is filled from <paramref name="seed"/> by SplitMix64.</summary>
    public Xoshiro256StarStar(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The stream for block <paramref name="index"/> of a run seeded with <paramref name="seed"/>.</summary>
    /// <remarks>
    /// Each block's state comes from SplitMix64 at a different starting point, so results do not
    /// depend on how blocks are spread over threads.
    /// </remarks>
    public static Xoshiro256StarStar ForBlock(ulong seed, long index)
    {
        var x = seed;
        var mixedSeed = SplitMix64(ref x);
        return new Xoshiro256StarStar(mixedSeed ^ ((ulong)index * 0xD1B54A32D192ED03UL));
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with standard normal variates by the ziggurat
    /// (<see cref="Ziggurat"/>), with the generator's state held in registers for the whole loop:
    /// much faster than calling <see cref="Ziggurat.NextNormal"/> once per variate.
    /// </summary>
    public void FillNormal(Span<double> destination)
    {
        // The step of NextUInt64, repeated on locals: calling it on the fields would keep the
        // state in memory and cost about three times as much per variate (measured).
        var (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
        for (var n = 0; n < destination.Length; n++)
        {
            var bits = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            if (!Ziggurat.TryFast(bits, out destination[n]))
            {
                (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
                destination[n] = Ziggurat.Slow(ref this, bits);
                (s0, s1, s2, s3) = (_s0, _s1, _s2, _s3);
            }
        }

        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => (long)(NextUInt64() >> 11) * (1.0 / (1L << 53));

    /// <summary>A uniform double in (0, 1): never zero, so safe under a logarithm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextOpenDouble() => ((long)(NextUInt64() >> 11) + 0.5) * (1.0 / (1L << 53));

    private static ulong SplitMix64(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
