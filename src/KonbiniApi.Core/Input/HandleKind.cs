using System;

namespace KonbiniApi.Input;

/// <summary>Reads a web address on one platform into its decoded path segments, or says why it is not one.</summary>
internal delegate bool AddressReader(string text, out string[] segments, out string problem);

/// <summary>
/// A handle read from what people paste: <c>name</c>, <c>@name</c>, or a profile address whose first path
/// segment is the name. Platforms whose profile addresses work that way differ only in the settings here:
/// how an address is recognised and read, which first segments are the site's own pages, and the handle's
/// length and alphabet. Handles compare without letter case.
/// </summary>
internal sealed class HandleKind : IdentifierKind
{
    private readonly Func<string, bool> looksLikeAddress;
    private readonly AddressReader readAddress;
    private readonly string[] sitePages;
    private readonly string notAProfile;
    private readonly int maxLength;
    private readonly string handles;
    private readonly Func<char, bool> allowed;
    private readonly string alphabet;
    private readonly Func<string, string?>? furtherRule;

    /// <param name="noun">What the value is, for messages.</param>
    /// <param name="accepts">What the parameter accepts, as advice.</param>
    /// <param name="looksLikeAddress">Whether the text is meant as an address on the platform rather than a bare handle.</param>
    /// <param name="readAddress">Reads such an address into its path segments.</param>
    /// <param name="sitePages">First path segments (lower case) that are the site's own pages, never a profile.</param>
    /// <param name="notAProfile">The problem when an address is on the platform but names no profile.</param>
    /// <param name="maxLength">The longest handle the platform allows.</param>
    /// <param name="handles">What handles are called in messages, plural: "X handles".</param>
    /// <param name="allowed">The characters a handle may hold.</param>
    /// <param name="alphabet">The problem's second half when a character is not allowed.</param>
    /// <param name="furtherRule">Any further rule: the problem for a handle it refuses, or null.</param>
    public HandleKind(
        string noun,
        string accepts,
        Func<string, bool> looksLikeAddress,
        AddressReader readAddress,
        string[] sitePages,
        string notAProfile,
        int maxLength,
        string handles,
        Func<char, bool> allowed,
        string alphabet,
        Func<string, string?>? furtherRule = null)
        : base(noun, accepts)
    {
        this.looksLikeAddress = looksLikeAddress;
        this.readAddress = readAddress;
        this.sitePages = sitePages;
        this.notAProfile = notAProfile;
        this.maxLength = maxLength;
        this.handles = handles;
        this.allowed = allowed;
        this.alphabet = alphabet;
        this.furtherRule = furtherRule;
    }

    public override string KeyOf(string value) => value.ToLowerInvariant();

    public override bool TryParse(string? input, out string value, out string problem)
    {
        value = string.Empty;
        if (!InputText.TryTrim(input, out var text, out problem))
        {
            return false;
        }

        if (looksLikeAddress(text))
        {
            if (!readAddress(text, out var segments, out problem))
            {
                return false;
            }

            // The profile is the first segment; what follows it is about the same account or names no one reliably.
            if (segments.Length == 0 || Array.IndexOf(sitePages, segments[0].ToLowerInvariant()) >= 0)
            {
                problem = notAProfile;
                return false;
            }

            text = segments[0];
        }
        else
        {
            text = InputText.WithoutMark(text, '@');
        }

        if (text.Length == 0)
        {
            problem = "there is no name after '@'";
            return false;
        }

        if (!InputText.CheckLength(text, maxLength, handles, out problem) ||
            !InputText.CheckCharacters(text, allowed, alphabet, out problem))
        {
            return false;
        }

        if (furtherRule?.Invoke(text) is { } refused)
        {
            problem = refused;
            return false;
        }

        value = text;
        return true;
    }
}
