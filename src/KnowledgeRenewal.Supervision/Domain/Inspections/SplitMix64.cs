namespace KnowledgeRenewal.Supervision.Domain.Inspections;

/// <summary>
/// The draw's pseudo-random generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the reference code at https://prng.di.unimi.it/splitmix64.c). Chosen over
/// <see cref="Random"/>, whose algorithm .NET does not promise to keep, so that anyone can replay a recorded seed —
/// in any language — and get the same numbers: state += 0x9E3779B97F4A7C15; z = state;
/// z = (z ^ (z &gt;&gt; 30)) * 0xBF58476D1CE4E5B9; z = (z ^ (z &gt;&gt; 27)) * 0x94D049BB133111EB; return z ^ (z &gt;&gt; 31).
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>A number in the open interval (0, 1): the top 53 bits, shifted off zero by half a step.</summary>
    public double NextOpenUnit() => ((NextUInt64() >> 11) + 0.5) / 9007199254740992.0;

    /// <summary>A whole number in [0, <paramref name="bound"/>) without modulo bias (Lemire's rejection).</summary>
    public int NextBelow(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var limit = ulong.MaxValue - (ulong.MaxValue % (ulong)bound);
        ulong x;
        do
        {
            x = NextUInt64();
        }
        while (x >= limit);
        return (int)(x % (ulong)bound);
    }
}
