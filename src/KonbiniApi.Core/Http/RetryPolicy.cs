using System;

namespace KonbiniApi.Http;

/// <summary>
/// Exponential backoff with jitter. The jitter spreads the retries of many concurrent lookups that
/// failed together, so they do not return to a struggling service in one wave.
/// </summary>
public static class RetryPolicy
{
    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 for the first), given a uniform random
    /// number in [0, 1): between half and all of <c>base × 2^(retry-1)</c>, capped at <paramref name="max"/>.
    /// </summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan max, double unitRandom)
    {
        if (retry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), "Retries are counted from 1.");
        }

        if (baseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(baseDelay), "The base delay cannot be negative.");
        }

        if (max < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(max), "The longest delay cannot be negative.");
        }

        var exponent = Math.Min(retry - 1, 30);
        var ceiling = Math.Min(max.TotalMilliseconds, baseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var jittered = ceiling * (0.5 + (0.5 * Clamp(unitRandom)));
        return TimeSpan.FromMilliseconds(jittered);
    }

    private static double Clamp(double value) => double.IsNaN(value) || value < 0 ? 0 : value >= 1 ? 0.999999 : value;
}
