using System;
using System.Collections.Generic;

namespace KonbiniApi.Input;

/// <summary>One of a fixed list of values (a transcript language, a feed), matched without regard to case and
/// sent as the list spells it.</summary>
public sealed class ChoiceKind : IdentifierKind
{
    private readonly IReadOnlyList<string> choices;
    private readonly string listName;

    /// <summary>Creates the kind.</summary>
    /// <param name="noun">What the value is, for messages: "a Reddit feed".</param>
    /// <param name="choices">The values, as the service spells them.</param>
    /// <param name="listName">What the list is, for the refusal: "the feeds the service serves".</param>
    public ChoiceKind(string noun, IReadOnlyList<string> choices, string listName = "the values the service accepts")
        : base(noun, "one of " + string.Join(", ", choices ?? throw new ArgumentNullException(nameof(choices))))
    {
        this.choices = choices;
        this.listName = listName;
    }

    /// <inheritdoc />
    public override bool TryParse(string? input, out string value, out string problem)
    {
        var text = input?.Trim() ?? string.Empty;
        foreach (var choice in choices)
        {
            if (string.Equals(choice, text, StringComparison.OrdinalIgnoreCase))
            {
                value = choice;
                problem = string.Empty;
                return true;
            }
        }

        value = string.Empty;
        problem = text.Length == 0 ? "it is empty" : "it is not one of " + listName;
        return false;
    }
}
