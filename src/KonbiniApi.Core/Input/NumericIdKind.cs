using System;

namespace KonbiniApi.Input;

/// <summary>Reads a web address on one platform into its decoded path segments and its host (lower case, or
/// empty where the platform's reader does not give it), or says why it is not one.</summary>
internal delegate bool HostAddressReader(string text, out string[] segments, out string host, out string problem);

/// <summary>
/// A numeric ID read from what people paste: the digits, an address that holds them at a known place, or
/// (for some kinds) the digits after a prefix. Platforms differ only in the settings here: how an address is
/// recognised and read, where in it the ID stands, what to say when it holds none, and how many digits an ID has.
/// </summary>
internal sealed class NumericIdKind : IdentifierKind
{
    private readonly Func<string, bool> looksLikeAddress;
    private readonly HostAddressReader readAddress;
    private readonly Func<string[], string?> fromAddress;
    private readonly Func<string[], string, string> noIdProblem;
    private readonly int maxDigits;
    private readonly string ids;
    private readonly string? prefix;
    private readonly string? emptyProblem;

    /// <param name="noun">What the value is, for messages.</param>
    /// <param name="accepts">What the parameter accepts, as advice.</param>
    /// <param name="looksLikeAddress">Whether the text is meant as an address on the platform rather than bare digits.</param>
    /// <param name="readAddress">Reads such an address into its path segments and host.</param>
    /// <param name="fromAddress">The ID's segment in an address, or null when it holds none.</param>
    /// <param name="noIdProblem">The problem, given the segments and host, when an address holds no ID.</param>
    /// <param name="maxDigits">The most digits an ID has.</param>
    /// <param name="ids">What the IDs are called in messages, plural: "X IDs".</param>
    /// <param name="prefix">A prefix the IDs may carry (compared without case), dropped before the digits are checked.</param>
    /// <param name="emptyProblem">The problem when nothing is left after the prefix; null where that cannot happen or is let through.</param>
    public NumericIdKind(
        string noun,
        string accepts,
        Func<string, bool> looksLikeAddress,
        HostAddressReader readAddress,
        Func<string[], string?> fromAddress,
        Func<string[], string, string> noIdProblem,
        int maxDigits,
        string ids,
        string? prefix = null,
        string? emptyProblem = null)
        : base(noun, accepts)
    {
        this.looksLikeAddress = looksLikeAddress;
        this.readAddress = readAddress;
        this.fromAddress = fromAddress;
        this.noIdProblem = noIdProblem;
        this.maxDigits = maxDigits;
        this.ids = ids;
        this.prefix = prefix;
        this.emptyProblem = emptyProblem;
    }

    public override bool TryParse(string? input, out string value, out string problem)
    {
        value = string.Empty;
        if (!InputText.TryTrim(input, out var text, out problem))
        {
            return false;
        }

        if (prefix is not null && text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(prefix.Length);
        }
        else if (looksLikeAddress(text))
        {
            if (!readAddress(text, out var segments, out var host, out problem))
            {
                return false;
            }

            var found = fromAddress(segments);
            if (found is null)
            {
                problem = noIdProblem(segments, host);
                return false;
            }

            text = found;
        }

        if (emptyProblem is not null && text.Length == 0)
        {
            problem = emptyProblem;
            return false;
        }

        if (!InputText.CheckDigits(text, maxDigits, ids, out problem))
        {
            return false;
        }

        value = text;
        return true;
    }
}
