using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using KonbiniApi.Errors;
using KonbiniApi.Input;
using KonbiniApi.Paging;

namespace KonbiniApi.Operations;

/// <summary>
/// A request to any route, for operations the module does not wrap yet (Invoke-KonbiniApi). The path
/// is checked and re-encoded segment by segment, so it stays under /v1 on the configured service and
/// can never name another host: the key goes nowhere else.
/// </summary>
public sealed class RawRequest : IPageSource
{
    private static readonly char[] QueryMarks = { '?', '#' };
    private readonly string path;
    private readonly IReadOnlyList<KeyValuePair<string, string>> query;

    private RawRequest(string path, IReadOnlyList<KeyValuePair<string, string>> query, string? startCursor)
    {
        this.path = path;
        this.query = query;
        StartCursor = startCursor;
    }

    /// <summary>The cursor the query asked for, if any: paging starts there.</summary>
    public string? StartCursor { get; }

    /// <inheritdoc />
    public string ListedFor => path;

    /// <inheritdoc />
    public int? DefaultPageSize => null;

    /// <inheritdoc />
    public string? NotFoundMeaning => null;

    /// <summary>Identifies identical requests (a repeated input is requested once).</summary>
    public string Key => PathFor(null, StartCursor);

    /// <summary>Checks a path such as <c>/v1/tiktok/users/khaby.lame</c> and query values.</summary>
    /// <exception cref="KonbiniApiException">The path is not an API path (InvalidInput).</exception>
    public static RawRequest Create(string? path, IEnumerable<KeyValuePair<string, string>>? query)
    {
        var text = path?.Trim() ?? string.Empty;
        string Refuse(string problem) => throw new KonbiniApiException(
            ApiErrorKind.InvalidInput,
            "'" + InputText.Echo(path) + "' is not a KonbiniAPI path: " + problem + ". No request was made.")
        {
            Advice = "Pass a path under /v1/ such as /v1/tiktok/users/khaby.lame, and query values with -Query @{ count = 10 }. No request was made.",
        };

        if (text.IndexOf("://", StringComparison.Ordinal) >= 0 || text.StartsWith("//", StringComparison.Ordinal))
        {
            Refuse("it is a full address; give only the path, the base URI comes from Get-KonbiniConfiguration");
        }

        if (!text.StartsWith("/v1/", StringComparison.Ordinal))
        {
            Refuse("it does not start with /v1/");
        }

        if (text.IndexOfAny(QueryMarks) >= 0)
        {
            Refuse("it holds '?' or '#'; pass query values with -Query");
        }

        var encoded = new StringBuilder();
        foreach (var segment in text.Substring(1).Split('/'))
        {
            string decoded;
            try
            {
                decoded = Uri.UnescapeDataString(segment);
            }
            catch (UriFormatException)
            {
                decoded = segment;
            }

            if (decoded.Length == 0)
            {
                Refuse("it has an empty segment");
            }

            if (decoded is "." or ".." || decoded.IndexOf('\\') >= 0)
            {
                Refuse("it has a '.', '..' or '\\' segment, which would leave its route");
            }

            foreach (var c in decoded)
            {
                if (char.IsControl(c))
                {
                    Refuse("it contains " + InputText.DescribeCharacter(c));
                }
            }

            encoded.Append('/').Append(Uri.EscapeDataString(decoded));
        }

        var pairs = new List<KeyValuePair<string, string>>();
        string? cursor = null;
        foreach (var pair in query ?? Array.Empty<KeyValuePair<string, string>>())
        {
            if (string.IsNullOrEmpty(pair.Key))
            {
                Refuse("a query name is empty");
            }

            if (string.Equals(pair.Key, "cursor", StringComparison.Ordinal))
            {
                cursor = pair.Value;
                continue;
            }

            pairs.Add(pair);
        }

        pairs.Sort((left, right) => string.CompareOrdinal(left.Key, right.Key));
        return new RawRequest(encoded.ToString(), pairs, cursor);
    }

    /// <inheritdoc />
    public string PathFor(int? pageSize, string? cursor)
    {
        var text = new StringBuilder(path);
        var first = true;
        void Append(string name, string value)
        {
            text.Append(first ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        foreach (var pair in query)
        {
            Append(pair.Key, pair.Value);
        }

        if (pageSize is int size)
        {
            Append("count", size.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(cursor))
        {
            Append("cursor", cursor!);
        }

        return text.ToString();
    }
}
