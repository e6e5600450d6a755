using System.Globalization;

namespace KonbiniApi.Input;

/// <summary>
/// Free search text: sent as a query value, so any printable text is safe; control and format characters
/// are refused because they only ever arrive by accident (a pasted line break, a bidirectional override).
/// </summary>
public sealed class SearchTextKind : IdentifierKind
{
    /// <summary>Most characters a search text may have.</summary>
    public const int MaxLength = 500;

    /// <summary>Creates the kind with the noun used in messages.</summary>
    public SearchTextKind(string noun)
        : base(noun, "some search text (1 to 500 printable characters)")
    {
    }

    /// <inheritdoc />
    public override bool IsFreeText => true;

    /// <inheritdoc />
    public override bool TryParse(string? input, out string value, out string problem)
    {
        value = string.Empty;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            problem = "it is empty";
            return false;
        }

        if (text!.Length > MaxLength)
        {
            problem = "it is " + text.Length.ToString(CultureInfo.InvariantCulture) + " characters long; at most " + MaxLength.ToString(CultureInfo.InvariantCulture) + " are accepted";
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                // A pair is one character (an emoji); half of one cannot be encoded at all.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                problem = "it contains " + InputText.DescribeCharacter(c) + ", half of a character";
                return false;
            }

            // Zero-width joiners and non-joiners are Format characters too, but emoji and several scripts need them.
            if (char.IsControl(c) || (c is not ('\u200c' or '\u200d') && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator))
            {
                problem = "it contains " + InputText.DescribeCharacter(c) + ", which no search needs";
                return false;
            }
        }

        value = text;
        problem = string.Empty;
        return true;
    }
}
