using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Http;

namespace KonbiniApi.Paging;

/// <summary>Where one input's items go as pages arrive; implemented by the work item the pipeline thread drains.</summary>
public interface IItemSink : IRequestObserver
{
    /// <summary>Items ready to write, in order.</summary>
    void Add(IReadOnlyList<object?> items);

    /// <summary>The list's size as the first page states it (null when the service does not know).</summary>
    void Total(long? totalItems);

    /// <summary>A warning about this input (a guard that ended it early).</summary>
    void Warn(string message);

    /// <summary>The cursor of the next page to read, or null once the list is done: where a stopped call resumes.</summary>
    void At(string? cursor);

    /// <summary>Waits while too many items wait to be written, so a fast list cannot outrun a slow consumer's memory.</summary>
    Task WaitForRoomAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="items"/> more could wait to be written without <see cref="WaitForRoomAsync"/> having to wait:
    /// the pager asks for the next page before adding a page's items only when they will fit.</summary>
    bool HasRoomFor(int items);
}
