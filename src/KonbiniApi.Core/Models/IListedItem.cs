namespace KonbiniApi.Models;

/// <summary>An item that arrives in a list: it says which input it was listed for (the account whose followers these are, the tag, the search text).</summary>
public interface IListedItem
{
    /// <summary>The input the item was listed for, as the module sent it.</summary>
    string? ListedFor { get; set; }
}
