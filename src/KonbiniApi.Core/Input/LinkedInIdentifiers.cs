using System;
using System.Globalization;

namespace KonbiniApi.Input;

/// <summary>
/// The values LinkedIn operations take, read from what people paste: vanity names, numeric company IDs,
/// post slugs, activity URNs and linkedin.com addresses.
/// </summary>
/// <remarks>
/// The contract gives member and company names no pattern: it takes any name. LinkedIn's own names are
/// letters of any script, digits, '-' and '_' (some older ones have '.'); a name may be digits only, and a
/// company is also reached by its numeric ID. So only what can never be a name is refused here: spaces,
/// symbols and URL delimiters, dot-only names, and names longer than LinkedIn allows.
/// </remarks>
public static class LinkedInIdentifiers
{
    /// <summary>LinkedIn caps custom profile and page addresses at 100 characters.</summary>
    public const int MaxNameLength = 100;

    /// <summary>LinkedIn activity IDs are 19 digits today; a 64-bit number holds at most 19.</summary>
    public const int MaxActivityDigits = 19;

    private const string Domain = "linkedin.com";
    private const string Platform = "LinkedIn";
    private const string ActivityUrn = "urn:li:activity:";

    /// <summary>A member: a vanity name, or a profile URL (https://www.linkedin.com/in/name); case-insensitive.</summary>
    public static IdentifierKind Username { get; } = new NameKind(
        "a LinkedIn member name",
        "a member's vanity name (letters, digits, '-', '_' or '.', as in linkedin.com/in/name) or a profile URL such as https://www.linkedin.com/in/reidhoffman",
        "in",
        "company",
        "a company address; use Get-KonbiniLinkedInCompany or Get-KonbiniLinkedInPost -Company for it");

    /// <summary>A company page: a vanity name, a numeric company ID, or a page URL (https://www.linkedin.com/company/name); case-insensitive.</summary>
    public static IdentifierKind Company { get; } = new NameKind(
        "a LinkedIn company",
        "a company's vanity name or numeric ID (as in linkedin.com/company/stripe or linkedin.com/company/2135371) or a company page URL",
        "company",
        "in",
        "a member's profile address; use Get-KonbiniLinkedInUser or Get-KonbiniLinkedInPost -Username for it");

    /// <summary>
    /// A post: its numeric activity ID, its slug (the last part of linkedin.com/posts/...), an
    /// <c>urn:li:activity:</c> URN, or a post URL (/posts/... or /feed/update/urn:li:activity:.../). Sent as the
    /// numeric ID, which the service takes for every form, so one post is one request whatever was pasted.
    /// </summary>
    public static IdentifierKind PostId { get; } = new PostKind();

    /// <summary>Whether a character may be part of a LinkedIn name (a surrogate pair is judged as one character).</summary>
    private static bool IsNameCharacter(string text, int index)
    {
        var c = text[index];
        if (c is '-' or '_' or '.')
        {
            return true;
        }

        return char.IsLetterOrDigit(text, index) || CharUnicodeInfo.GetUnicodeCategory(text, index) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static string? After(string[] segments, string name) => InputText.SegmentAfter(segments, name);

    private static bool Contains(string[] segments, string name) => Array.FindIndex(segments, segment => string.Equals(segment, name, StringComparison.OrdinalIgnoreCase)) >= 0;

    /// <summary>A member or company vanity name.</summary>
    private sealed class NameKind : IdentifierKind
    {
        private readonly string urlSection;
        private readonly string otherSection;
        private readonly string otherSectionProblem;

        public NameKind(string noun, string accepts, string urlSection, string otherSection, string otherSectionProblem)
            : base(noun, accepts)
        {
            this.urlSection = urlSection;
            this.otherSection = otherSection;
            this.otherSectionProblem = otherSectionProblem;
        }

        /// <summary>Names may be in any script, so the shape check is by character class, not a fixed alphabet.</summary>
        public override bool IsFreeText => true;

        /// <summary>LinkedIn addresses ignore letter case, so two spellings are one request.</summary>
        public override string KeyOf(string value) => value.ToLowerInvariant();

        public override bool TryParse(string? input, out string value, out string problem)
        {
            value = string.Empty;
            if (!InputText.TryTrim(input, out var text, out problem))
            {
                return false;
            }

            if (InputText.LooksLikeUrl(text, Domain))
            {
                if (!InputText.TryReadUrl(text, Domain, Platform, out var segments, out problem))
                {
                    return false;
                }

                var found = After(segments, urlSection);
                if (found is null)
                {
                    problem = Contains(segments, otherSection)
                        ? "it is " + otherSectionProblem
                        : "it is a LinkedIn address but not a /" + urlSection + "/ address (https://www.linkedin.com/" + urlSection + "/name)";
                    return false;
                }

                text = found;
            }

            if (!InputText.CheckLength(text, MaxNameLength, "LinkedIn names", out problem))
            {
                return false;
            }

            if (text.Trim('.').Length == 0)
            {
                problem = "a name cannot be dots only";
                return false;
            }

            if (!InputText.CheckCharacters(text, IsNameCharacter, "LinkedIn names use letters, digits, '-', '_' and '.'", out problem))
            {
                return false;
            }

            value = text;
            problem = string.Empty;
            return true;
        }
    }

    private sealed class PostKind : IdentifierKind
    {
        private const string SlugMarker = "activity-";

        public PostKind()
            : base(
                "a LinkedIn post",
                "a post's activity ID (digits, as in a post's PostId), its urn:li:activity:ID, its slug, or a post URL such as https://www.linkedin.com/posts/name_title-activity-7483253516766109696-xCr3 or https://www.linkedin.com/feed/update/urn:li:activity:7483253516766109696/")
        {
        }

        public override bool TryParse(string? input, out string value, out string problem)
        {
            value = string.Empty;
            if (!InputText.TryTrim(input, out var text, out problem))
            {
                return false;
            }

            if (!text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && InputText.LooksLikeUrl(text, Domain))
            {
                if (!InputText.TryReadUrl(text, Domain, Platform, out var segments, out problem))
                {
                    return false;
                }

                var found = After(segments, "posts") ?? After(segments, "update");
                if (found is null)
                {
                    problem = "it is a LinkedIn address but not a post address (https://www.linkedin.com/posts/... or https://www.linkedin.com/feed/update/urn:li:activity:ID/)";
                    return false;
                }

                text = found;
            }

            string digits;
            if (InputText.IsDigits(text))
            {
                digits = text;
            }
            else if (text.StartsWith("urn:li:", StringComparison.OrdinalIgnoreCase))
            {
                if (!text.StartsWith(ActivityUrn, StringComparison.OrdinalIgnoreCase))
                {
                    // urn:li:share and urn:li:ugcPost name the shared content, not the activity the service looks up.
                    problem = "it is a " + text.Split(':')[2] + " URN; the service takes urn:li:activity:ID (open the post and copy its address)";
                    return false;
                }

                digits = text.Substring(ActivityUrn.Length);
            }
            else
            {
                // A slug: author_title-words-activity-ID-check. The ID follows the last "activity-".
                var marker = text.LastIndexOf(SlugMarker, StringComparison.OrdinalIgnoreCase);
                if (marker < 0)
                {
                    problem = "it is neither an activity ID nor a post slug (a slug holds -activity- and the ID)";
                    return false;
                }

                var start = marker + SlugMarker.Length;
                var end = start;
                while (end < text.Length && text[end] is >= '0' and <= '9')
                {
                    end++;
                }

                if (end < text.Length && text[end] != '-')
                {
                    problem = "the part after 'activity-' is not an activity ID";
                    return false;
                }

                digits = text.Substring(start, end - start);
            }

            if (!InputText.IsDigits(digits))
            {
                problem = digits.Length == 0 ? "there is no activity ID in it" : "its activity ID contains something other than digits";
                return false;
            }

            if (digits.Length > MaxActivityDigits)
            {
                problem = "its activity ID has " + digits.Length.ToString(CultureInfo.InvariantCulture) + " digits; LinkedIn activity IDs have at most " + MaxActivityDigits.ToString(CultureInfo.InvariantCulture);
                return false;
            }

            value = digits;
            problem = string.Empty;
            return true;
        }
    }
}
