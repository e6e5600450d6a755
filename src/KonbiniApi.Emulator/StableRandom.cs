using System;
using System.Text;

namespace KonbiniApi.Emulator;

/// <summary>A tiny seeded generator whose sequence depends only on the seed, never on the process or the
/// runtime version (unlike string.GetHashCode or System.Random), so profiles are identical everywhere.</summary>
internal struct StableRandom(ulong seed)
{
    private const ulong OffsetBasis = 14695981039346656037UL;

    private ulong state = seed;

    /// <summary>FNV-1a over the UTF-8 bytes: stable across processes, platforms and runtimes.</summary>
    public static ulong Hash(string text)
    {
        // Every generated item hashes a few keys, so the bytes go on the stack rather than into a new array.
        return Extend(OffsetBasis, text);
    }

    /// <summary>The hash of a text that continues the one <paramref name="hash"/> was taken of, with the decimal
    /// digits of <paramref name="number"/>: <c>Extend(Hash("tag:fyp:"), 7) == Hash("tag:fyp:7")</c>. A list page
    /// hashes its items' shared prefix once and each item's index after it, instead of building a key per item.</summary>
    public static ulong Extend(ulong hash, long number)
    {
        Span<byte> digits = stackalloc byte[20];
        number.TryFormat(digits, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        return Extend(hash, digits[..written]);
    }

    /// <summary>The hash of a text that continues the one <paramref name="hash"/> was taken of with
    /// <paramref name="text"/>: <c>Extend(Hash("cookie:"), id) == Hash("cookie:" + id)</c>.</summary>
    public static ulong Extend(ulong hash, string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        Span<byte> bytes = most <= 512 ? stackalloc byte[most] : new byte[most];
        return Extend(hash, bytes[..Encoding.UTF8.GetBytes(text, bytes)]);
    }

    private static ulong Extend(ulong hash, ReadOnlySpan<byte> bytes)
    {
        const ulong prime = 1099511628211UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * prime;
        }

        return hash;
    }

    public static StableRandom ForName(string text) => new(Hash(text));

    /// <summary>SplitMix64 step.</summary>
    public ulong NextUInt64()
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, maxExclusive).</summary>
    public int Next(int maxExclusive) => (int)(NextUInt64() % (ulong)maxExclusive);

    /// <summary>Uniform in [min, maxInclusive].</summary>
    public long NextLong(long min, long maxInclusive) => min + (long)(NextUInt64() % (ulong)(maxInclusive - min + 1));

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(T[] items) => items[Next(items.Length)];

    public string NextToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        Span<char> chars = length <= 256 ? stackalloc char[length] : new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
