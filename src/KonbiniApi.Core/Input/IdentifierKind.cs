using KonbiniApi.Errors;

namespace KonbiniApi.Input;

/// <summary>
/// One kind of value an operation takes (a username, a video ID, a search text): how to read what a
/// user pasted, and what to say when it cannot be one. Parsing never does I/O, so a refused value
/// costs neither a request nor a credit.
/// </summary>
public abstract class IdentifierKind
{
    /// <summary>Describes the kind for messages and advice.</summary>
    protected IdentifierKind(string noun, string accepts)
    {
        Noun = noun;
        Accepts = accepts;
    }

    /// <summary>What the value is, with its article, for messages: "a TikTok video ID".</summary>
    public string Noun { get; }

    /// <summary>What the parameter accepts, as advice: "digits, or a video URL such as ...".</summary>
    public string Accepts { get; }

    /// <summary>Reads one input; on success <paramref name="value"/> is what the API is sent (not yet encoded).</summary>
    public abstract bool TryParse(string? input, out string value, out string problem);

    /// <summary>True for text in any script (search text, tags) that is accepted whenever it can be sent as one
    /// encoded value; false for identifiers with a fixed shape.</summary>
    public virtual bool IsFreeText => false;

    /// <summary>The form under which two values mean the same request (handles are case-insensitive, IDs are not).</summary>
    public virtual string KeyOf(string value) => value;

    /// <summary>Reads one input or throws the InvalidInput failure that names it and says what is accepted.</summary>
    /// <exception cref="KonbiniApiException">The input is not a value of this kind.</exception>
    public string Parse(string? input)
    {
        if (TryParse(input, out var value, out var problem))
        {
            return value;
        }

        throw Refusal(input, problem);
    }

    /// <summary>The failure for an input that is not a value of this kind.</summary>
    public KonbiniApiException Refusal(string? input, string problem) =>
        new(ApiErrorKind.InvalidInput, "'" + InputText.Echo(input) + "' is not " + Noun + ": " + problem + ". No request was made.")
        {
            Advice = "Pass " + Accepts + ". No request was made and no credit was charged.",
        };
}
