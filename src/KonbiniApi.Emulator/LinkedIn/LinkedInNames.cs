using System;
using System.Globalization;

namespace KonbiniApi.Emulator;

/// <summary>What the LinkedIn routes accept as names and post IDs, and which reserved behaviour a name has.</summary>
/// <remarks>The contract gives member and company names no pattern. The emulator takes what LinkedIn names
/// can hold (letters of any script, digits, '-', '_', '.'; digits only is a name too, and a numeric company ID
/// is a company) and refuses the rest with validation_error, as the module does before sending.</remarks>
internal static class LinkedInNames
{
    public const int MaxNameLength = 100;
    public const int MaxActivityDigits = 19;

    /// <returns>The lower-cased name, or null when the request must be refused.</returns>
    public static string? Normalize(string decoded)
    {
        if (decoded.Length is 0 or > MaxNameLength || decoded.AsSpan().Trim('.').IsEmpty)
        {
            return null;
        }

        for (var i = 0; i < decoded.Length; i++)
        {
            if (char.IsHighSurrogate(decoded[i]) && i + 1 < decoded.Length && char.IsLowSurrogate(decoded[i + 1]) && char.IsLetterOrDigit(decoded, i))
            {
                i++;
                continue;
            }

            var c = decoded[i];
            if (!(c is '-' or '_' or '.' || (!char.IsSurrogate(c) && (char.IsLetterOrDigit(c)
                || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))))
            {
                return null;
            }
        }

        return decoded.ToLowerInvariant();
    }

    /// <summary>The reserved behaviour of a name. LinkedIn names may hold '.', so the TikTok spelling works
    /// as it is (emu.list.5); emu-list-5 and emu_list_5 mean the same.</summary>
    public static Scenario Resolve(string name) =>
        ReservedNames.Resolve(name.StartsWith("emu-", StringComparison.Ordinal) || name.StartsWith("emu_", StringComparison.Ordinal)
            ? name.Replace('-', '.').Replace('_', '.')
            : name);

    /// <summary>Reads a post ID in any form the contract names: digits, <c>urn:li:activity:ID</c>, or a
    /// slug ending in <c>activity-ID-xxxx</c>.</summary>
    /// <returns>The activity ID, or null when the request must be refused.</returns>
    public static string? ActivityId(string decoded)
    {
        string digits;
        if (decoded.StartsWith("urn:li:activity:", StringComparison.Ordinal))
        {
            digits = decoded["urn:li:activity:".Length..];
        }
        else if (PathValues.IsWord(decoded, int.MaxValue, char.IsAsciiDigit))
        {
            digits = decoded;
        }
        else
        {
            var marker = decoded.LastIndexOf("-activity-", StringComparison.Ordinal);
            if (marker < 0)
            {
                return null;
            }

            var start = marker + "-activity-".Length;
            var end = start;
            while (end < decoded.Length && char.IsAsciiDigit(decoded[end]))
            {
                end++;
            }

            if (end < decoded.Length && decoded[end] != '-')
            {
                return null;
            }

            digits = decoded[start..end];
        }

        return PathValues.IsId(digits, MaxActivityDigits) ? digits : null;
    }
}

internal enum PostOwner
{
    Member,
    Company,
}

/// <summary>A post as the emulator knows it: whose it is and its position in their list.</summary>
/// <param name="StandIn">True when the number did not carry its author's name (a long or non-ASCII name, or a
/// number the emulator never issued); the author is then a generated stand-in.</param>
internal readonly record struct PostRef(PostOwner Owner, string Name, long Index, bool StandIn);

/// <summary>
/// Activity IDs that carry their author, so that a post listed for a member or a company is the same post
/// when fetched by its number alone, with no memory of what was listed. Names of up to 11 (members) or 9
/// (companies) characters of a-z, 0-9, '-', '.', '_' are written into the number as a bijective base-39
/// numeral; any other name keeps only a hash, and its posts fetched by number name a stand-in author.
/// </summary>
internal static class PostNumbers
{
    private const string Alphabet = "-._0123456789abcdefghijklmnopqrstuvwxyz";
    private const long MemberBase = 1_000_000_000_000_000_000;
    private const long CompanyBase = 4_300_000_000_000_000_000;
    private const long HashedMemberBase = 7_000_000_000_000_000_000;
    private const long HashedCompanyBase = 8_000_000_000_000_000_000;
    private const long HashedCompanyEnd = 8_500_000_000_000_000_000;
    private const int MemberChars = 11;
    private const int CompanyChars = 9;

    /// <summary>A member shows at most this many recent posts, so one digit holds the position.</summary>
    public const int MemberPostLimit = 10;

    /// <summary>Positions a company post's number can hold; longer (scripted) lists wrap around.</summary>
    public const int CompanyPostSpan = 5000;

    public static string For(PostOwner owner, string name, long index)
    {
        var member = owner == PostOwner.Member;
        var span = member ? MemberPostLimit : CompanyPostSpan;
        var position = index % span;
        long value;
        if (TryEncode(name, member ? MemberChars : CompanyChars, out var code))
        {
            value = (member ? MemberBase : CompanyBase) + (code * span) + position;
        }
        else
        {
            var hash = (long)(StableRandom.Hash("li-name:" + name) % (member ? 100_000_000_000_000_000UL : 100_000_000_000_000UL));
            value = (member ? HashedMemberBase : HashedCompanyBase) + (hash * span) + position;
        }

        return value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The post a number names. Every number names one: those the emulator never issued (a real
    /// LinkedIn ID pasted in) are read as a stand-in member's post.</summary>
    public static PostRef Read(string activityId)
    {
        if (activityId.Length == 19 && long.TryParse(activityId, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            if (value is >= MemberBase and < CompanyBase && TryDecode((value - MemberBase) / MemberPostLimit, out var member))
            {
                return new PostRef(PostOwner.Member, member, (value - MemberBase) % MemberPostLimit, false);
            }

            if (value is >= CompanyBase and < HashedMemberBase && TryDecode((value - CompanyBase) / CompanyPostSpan, out var company))
            {
                return new PostRef(PostOwner.Company, company, (value - CompanyBase) % CompanyPostSpan, false);
            }

            if (value is >= HashedCompanyBase and < HashedCompanyEnd)
            {
                var code = (value - HashedCompanyBase) / CompanyPostSpan;
                return new PostRef(PostOwner.Company, "company-" + (code % 100_000_000).ToString(CultureInfo.InvariantCulture), (value - HashedCompanyBase) % CompanyPostSpan, true);
            }
        }

        var hash = StableRandom.Hash("li-post:" + activityId);
        return new PostRef(PostOwner.Member, "member-" + (hash % 100_000_000).ToString(CultureInfo.InvariantCulture), (long)(hash % MemberPostLimit), true);
    }

    private static bool TryEncode(string name, int maxChars, out long code)
    {
        code = 0;
        if (name.Length > maxChars)
        {
            return false;
        }

        foreach (var c in name)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            code = (code * Alphabet.Length) + digit + 1;
        }

        return code > 0;
    }

    private static bool TryDecode(long code, out string name)
    {
        name = string.Empty;
        if (code <= 0)
        {
            return false;
        }

        var chars = new System.Collections.Generic.List<char>(MemberChars);
        while (code > 0)
        {
            code--;
            chars.Add(Alphabet[(int)(code % Alphabet.Length)]);
            code /= Alphabet.Length;
        }

        chars.Reverse();
        var decoded = new string([.. chars]);
        if (LinkedInNames.Normalize(decoded) != decoded)
        {
            return false;
        }

        name = decoded;
        return true;
    }
}
