using System;
using KonbiniApi.Http;
using Xunit;

namespace KonbiniApi.Tests;

public class RetryPolicyTests
{
    private static readonly TimeSpan Base = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(1, 500)]
    [InlineData(2, 1000)]
    [InlineData(3, 2000)]
    [InlineData(4, 4000)]
    [InlineData(5, 8000)]
    [InlineData(6, 10000)]
    [InlineData(20, 10000)]
    [InlineData(1000, 10000)]
    [InlineData(int.MaxValue, 10000)]
    public void Delay_lies_between_half_and_all_of_the_capped_ceiling(int retry, double ceilingMs)
    {
        foreach (var random in new[] { 0.0, 0.25, 0.5, 0.75, 0.999, 0.9999999 })
        {
            var delay = RetryPolicy.Delay(retry, Base, Max, random).TotalMilliseconds;
            Assert.InRange(delay, (ceilingMs / 2) - 0.01, ceilingMs + 0.01);
        }

        Assert.Equal(ceilingMs / 2, RetryPolicy.Delay(retry, Base, Max, 0).TotalMilliseconds, 3);
        Assert.True(RetryPolicy.Delay(retry, Base, Max, 0.9999999).TotalMilliseconds > ceilingMs * 0.99);
    }

    [Fact]
    public void Delay_grows_with_the_random_number()
    {
        var low = RetryPolicy.Delay(3, Base, Max, 0.1);
        var high = RetryPolicy.Delay(3, Base, Max, 0.9);
        Assert.True(high > low);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(0.9999)]
    public void Delay_never_falls_as_retries_go_on(double random)
    {
        var previous = TimeSpan.Zero;
        for (var retry = 1; retry <= 64; retry++)
        {
            var delay = RetryPolicy.Delay(retry, Base, Max, random);
            Assert.True(delay >= previous, "retry " + retry);
            Assert.True(delay <= Max);
            previous = delay;
        }
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.0)]
    [InlineData(5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Random_numbers_outside_0_to_1_are_clamped(double random)
    {
        var delay = RetryPolicy.Delay(2, Base, Max, random).TotalMilliseconds;
        Assert.InRange(delay, 500, 1000);
    }

    [Fact]
    public void A_cap_below_the_base_delay_wins()
    {
        var delay = RetryPolicy.Delay(1, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), 0.9999);
        Assert.InRange(delay.TotalMilliseconds, 500, 1000);
    }

    [Fact]
    public void Zero_base_delay_means_no_wait()
    {
        Assert.Equal(TimeSpan.Zero, RetryPolicy.Delay(7, TimeSpan.Zero, Max, 0.7));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Retries_are_counted_from_one(int retry)
    {
        var failure = Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Delay(retry, Base, Max, 0.5));
        Assert.Equal("retry", failure.ParamName);
    }

    [Fact]
    public void Negative_delays_are_refused()
    {
        Assert.Equal("baseDelay", Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Delay(1, TimeSpan.FromMilliseconds(-1), Max, 0.5)).ParamName);
        Assert.Equal("max", Assert.Throws<ArgumentOutOfRangeException>(() => RetryPolicy.Delay(1, Base, TimeSpan.FromMilliseconds(-1), 0.5)).ParamName);
    }
}
