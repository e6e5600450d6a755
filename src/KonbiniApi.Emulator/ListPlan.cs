using System;

namespace KonbiniApi.Emulator;

internal enum ListMode
{
    /// <summary>Exactly <see cref="ListPlan.Total"/> items.</summary>
    Exact,
    /// <summary>Page 1 normal; from page 2 on, nextCursor is the cursor the page was asked with.</summary>
    Repeat,
    /// <summary>Page 1 full, page 2 empty but with a nextCursor, page 3 full and last.</summary>
    Hole,
    /// <summary>Page 1 full, then empty pages with fresh cursors forever.</summary>
    Hollow,
    /// <summary>Five full pages; page <see cref="ListPlan.FailingPage"/> answers 502.</summary>
    FailOnPage,
}

/// <summary>What one page holds: items [Start, Start + Count) of the underlying sequence.</summary>
internal readonly record struct PageSlice(long Start, int Count, ListPosition? Next, long? TotalItems, bool Fails);

/// <summary>How a list behaves: its length, or the scripted paging misbehaviour it acts out.</summary>
internal readonly record struct ListPlan(ListMode Mode, long Total, long FailingPage = 0)
{
    public static ListPlan Exactly(long total) => new(ListMode.Exact, Math.Max(0, total));

    /// <summary>The list plan a reserved name or tag asks for, or <paramref name="natural"/> otherwise.</summary>
    public static ListPlan From(Scenario scenario, long natural) => scenario.Kind switch
    {
        ScenarioKind.ListExact => Exactly(scenario.Number),
        ScenarioKind.PageRepeat => new(ListMode.Repeat, 0),
        ScenarioKind.PageHole => new(ListMode.Hole, 0),
        ScenarioKind.PageHollow => new(ListMode.Hollow, 0),
        ScenarioKind.PageFail => new(ListMode.FailOnPage, 0, scenario.Number),
        _ => Exactly(natural),
    };

    /// <summary>True when the plan overrides the natural length (so the subject's counts should say so).</summary>
    public bool IsScripted => Mode != ListMode.Exact;

    public PageSlice Slice(ListPosition at, int count)
    {
        switch (Mode)
        {
            case ListMode.Repeat:
                // The first page hands out a real cursor; every later page hands the same one back.
                return at.Page == 1
                    ? new PageSlice(0, count, new ListPosition(count, 2), null, false)
                    : new PageSlice(at.Offset, count, at, null, false);
            case ListMode.Hole:
                return at.Page switch
                {
                    1 => new PageSlice(0, count, new ListPosition(count, 2), 2L * count, false),
                    2 => new PageSlice(at.Offset, 0, new ListPosition(at.Offset, 3), 2L * count, false),
                    _ => new PageSlice(at.Offset, count, null, 2L * count, false),
                };
            case ListMode.Hollow:
                return at.Page == 1
                    ? new PageSlice(0, count, new ListPosition(count, 2), null, false)
                    : new PageSlice(at.Offset, 0, new ListPosition(at.Offset, at.Page + 1), null, false);
            case ListMode.FailOnPage:
                {
                    var slice = ExactSlice(5L * count, at, count);
                    return slice with { Fails = at.Page == FailingPage };
                }

            default:
                return ExactSlice(Total, at, count);
        }
    }

    private static PageSlice ExactSlice(long total, ListPosition at, int count)
    {
        var start = Math.Min(at.Offset, total);
        var taken = (int)Math.Min(count, total - start);
        var end = start + taken;
        return new PageSlice(start, taken, end < total ? new ListPosition(end, at.Page + 1) : null, total, false);
    }
}

/// <summary>Maps a position in the requested order to an index of the underlying sequence, lazily: the
/// "popular" order is an affine permutation, so a list of ten million needs no table.</summary>
internal readonly struct ListOrder
{
    private readonly long total;
    private readonly int kind;
    private readonly ulong multiplier;
    private readonly ulong shift;

    private ListOrder(long total, int kind, ulong multiplier, ulong shift)
    {
        this.total = total;
        this.kind = kind;
        this.multiplier = multiplier;
        this.shift = shift;
    }

    public static ListOrder Natural { get; } = new(0, 0, 1, 0);

    /// <param name="order">0 keeps the sequence, 1 reverses it, 2 shuffles it (seeded by <paramref name="seed"/>).</param>
    public static ListOrder Create(int order, long total, ulong seed)
    {
        if (total <= 1 || order == 0)
        {
            return Natural;
        }

        if (order == 1)
        {
            return new ListOrder(total, 1, 1, 0);
        }

        var random = new StableRandom(seed);
        var multiplier = 1 + (random.NextUInt64() % (ulong)(total - 1));
        while (Gcd(multiplier, (ulong)total) != 1)
        {
            multiplier = (multiplier % (ulong)(total - 1)) + 1;
        }

        return new ListOrder(total, 2, multiplier, random.NextUInt64() % (ulong)total);
    }

    /// <summary>Reversal and shuffling only make sense within a known length; past it (or for endless
    /// scripted lists) positions map to themselves.</summary>
    public long IndexAt(long position)
    {
        if (kind == 0 || position >= total)
        {
            return position;
        }

        return kind == 1
            ? total - 1 - position
            : (long)(((UInt128)multiplier * (ulong)position + shift) % (ulong)total);
    }

    private static ulong Gcd(ulong a, ulong b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
