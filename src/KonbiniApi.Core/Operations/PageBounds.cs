using System.Globalization;

namespace KonbiniApi.Operations;

/// <summary>The page sizes an endpoint accepts (its <c>count</c> bounds). A page costs one credit whatever its size.</summary>
public sealed class PageBounds
{
    /// <summary>Creates bounds; the largest size is what the module asks for unless told otherwise.</summary>
    public PageBounds(int minimum, int maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest <c>count</c> the endpoint accepts.</summary>
    public int Minimum { get; }

    /// <summary>The largest <c>count</c> the endpoint accepts; the default, since a page costs the same whatever its size.</summary>
    public int Maximum { get; }

    /// <summary>Whether the platform fixes the size (Minimum equals Maximum).</summary>
    public bool IsFixed => Minimum == Maximum;

    /// <summary>Whether <paramref name="size"/> is accepted.</summary>
    public bool Allows(int size) => size >= Minimum && size <= Maximum;

    /// <summary>The bounds in words, for messages.</summary>
    public string Describe() => IsFixed
        ? "the platform fixes its page size at " + Maximum.ToString(CultureInfo.InvariantCulture)
        : "its page size is " + Minimum.ToString(CultureInfo.InvariantCulture) + " to " + Maximum.ToString(CultureInfo.InvariantCulture);
}
