using System.Collections.ObjectModel;
using System.Linq;

namespace KonbiniApi.Models;

/// <summary>
/// A list inside a model (tags, files, images). A type of its own so that a table column or a CSV cell
/// shows the items themselves, separated by spaces, instead of a type name.
/// </summary>
public class ItemList<T> : Collection<T>
{
    /// <summary>Lists hold items, never nulls: a null in the API's array is a broken answer, and scripts never meet one.</summary>
    protected override void InsertItem(int index, T item)
    {
        if (item is null)
        {
            throw new System.Text.Json.JsonException(ItemListRules.NullItem);
        }

        base.InsertItem(index, item);
    }

    /// <inheritdoc />
    protected override void SetItem(int index, T item)
    {
        if (item is null)
        {
            throw new System.Text.Json.JsonException(ItemListRules.NullItem);
        }

        base.SetItem(index, item);
    }

    /// <summary>The items' own text, separated by spaces.</summary>
    public override string ToString() => string.Join(" ", this.Where(item => item is not null).Select(item => item!.ToString()));
}

/// <summary>Shared by every <see cref="ItemList{T}"/>.</summary>
internal static class ItemListRules
{
    /// <summary>The message that tells the model reader a list held a null.</summary>
    public const string NullItem = "konbini:null-item";
}
