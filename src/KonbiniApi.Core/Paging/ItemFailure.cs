using System;
using KonbiniApi.Errors;

namespace KonbiniApi.Paging;

/// <summary>
/// Takes the place, in a page's items, of one the reader refused (a required member missing, a member of the
/// wrong type). The cmdlet writes it as a non-terminating error where the item would have been; the rest of
/// the page and the pages after it are still written, so one broken item costs neither its neighbours nor the
/// credits already spent on them.
/// </summary>
public sealed class ItemFailure
{
    /// <summary>Wraps the reader's error.</summary>
    public ItemFailure(KonbiniApiException error) => Error = error ?? throw new ArgumentNullException(nameof(error));

    /// <summary>What is wrong with the item: an InvalidResponse error naming its place and member.</summary>
    public KonbiniApiException Error { get; }

    /// <inheritdoc />
    public override string ToString() => Error.Message;
}
