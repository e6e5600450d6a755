using System;
using System.Text;

namespace KonbiniApi.Operations;

/// <summary>
/// The API writes its enum values in kebab case (<c>most-liked</c>, <c>last-3-months</c>); the module's
/// enums use PascalCase names (<c>MostLiked</c>, <c>Last3Months</c>). One rule maps them.
/// </summary>
public static class WireName
{
    /// <summary>The value as the API spells it.</summary>
    public static string Of(Enum value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var name = value.ToString();
        var wire = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1])) || (!char.IsDigit(c) && char.IsDigit(name[i - 1])));
            if (boundary)
            {
                wire.Append('-');
            }

            wire.Append(char.ToLowerInvariant(c));
        }

        return wire.ToString();
    }
}
