namespace KonbiniApi.Paging;

/// <summary>How much of each input's list to read: one page by default, -First items, or -All pages.</summary>
public sealed class PagingOptions
{
    /// <summary>The <c>count</c> to ask for; null for the endpoint's largest (a page costs the same whatever its size).</summary>
    public int? PageSize { get; set; }

    /// <summary>Where to start (-Cursor); null for the beginning.</summary>
    public string? StartCursor { get; set; }

    /// <summary>Items to write per input (-First); <see cref="ulong.MaxValue"/> when not limited.</summary>
    public ulong First { get; set; } = ulong.MaxValue;

    /// <summary>Items to pass over first, per input (-Skip).</summary>
    public ulong Skip { get; set; }

    /// <summary>Follow the cursor to the end (-All).</summary>
    public bool All { get; set; }

    /// <summary>Whether the reading is bounded: at most one page, or a -First that is not huge.</summary>
    public bool IsBounded(ulong atMostItems) => !All && (First == ulong.MaxValue || First + Skip <= atMostItems);

    /// <summary>How many empty pages in a row that still promise more end an input (a service stuck on nothing).</summary>
    public int MaxEmptyPagesInARow { get; set; } = 3;
}
