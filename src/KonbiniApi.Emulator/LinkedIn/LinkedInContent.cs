using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace KonbiniApi.Emulator;

/// <summary>A member as every route shows them: the profile, and the author of their posts and articles.</summary>
internal sealed record LinkedInMember(
    string Name, string DisplayName, string? Headline, string Locality, string Region, string Country, long FollowerCount,
    string[] Roles, string[] Employers, string[] Schools, string[] Languages, string Picture, long PostCount, long ArticleCount)
{
    public string Url => "https://www.linkedin.com/in/" + Uri.EscapeDataString(Name);
}

/// <summary>A company page as every route shows it: the page, and the author of its posts.</summary>
internal sealed record LinkedInCompanyPage(
    string Name, string DisplayName, string Description, string Tagline, string Street, string Locality, string Region, string PostalCode,
    string Country, long EmployeeCount, long FollowerCount, string Logo, string Website, long PostCount)
{
    public string Url => "https://www.linkedin.com/company/" + Uri.EscapeDataString(Name);
}

/// <summary>A post's video and its captions, when it has them.</summary>
internal sealed record LinkedInVideoModel(string FileUrl, string Cover, int Width, int Height, int DurationSeconds, string? CaptionType);

/// <summary>One post, the same on every route that shows it.</summary>
internal sealed record LinkedInPostModel(
    string ActivityId, PostRef Ref, string Url, string Text, DateTimeOffset? Published, long? LikeCount, long ReplyCount,
    string? Image, LinkedInVideoModel? Video, bool ListsEntityId);

/// <summary>
/// Everything LinkedIn's routes answer, generated from names and numbers alone (StableRandom seeded by
/// them), so the same subject looks the same on every route, in any process, in any request order.
/// </summary>
internal static class LinkedInContent
{
    public const int CompanyPageSize = 10;
    public const int WholeListLimit = 5000;

    private static readonly DateTimeOffset Epoch = new(2026, 7, 28, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] Firsts = ["Ada", "Ravi", "Mina", "Jonas", "Lucia", "Kenji", "Amara", "Oskar", "Priya", "Tomas", "Leila", "Marco", "Sana", "Elif", "Noor", "Felix"];
    private static readonly string[] Lasts = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Castillo", "Brennan", "Iyer", "Schmidt", "Costa", "Kowalski", "Nakamura", "Adeyemi", "Rossi", "Varga"];
    private static readonly string[] Titles = ["Founder", "Product Manager", "Software Engineer", "Head of Design", "Data Scientist", "Chief Operating Officer", "Partner", "Board Member", "Marketing Lead", "Research Fellow"];
    private static readonly string[] Employers = ["Northwind Labs", "Contoso", "Fabrikam", "Tailspin Ventures", "Blue Yonder Health", "Adatum", "Litware", "Proseware"];
    private static readonly string[] Schools = ["University of Lisbon", "ETH Zurich", "Kyoto University", "University of Toronto", "Stanford University", "University of Lagos", "Sorbonne University"];
    private static readonly string[] Languages = ["English", "French", "Spanish", "German", "Japanese", "Portuguese", "Hindi", "Arabic"];
    private static readonly (string Locality, string Region, string Country)[] Places =
    [
        ("San Francisco", "California", "US"), ("Berlin", "Berlin", "DE"), ("Lagos", "Lagos", "NG"), ("Tokyo", "Tokyo", "JP"),
        ("Toronto", "Ontario", "CA"), ("Lisbon", "Lisbon", "PT"), ("Bengaluru", "Karnataka", "IN"), ("Dublin", "Leinster", "IE"),
    ];

    private static readonly string[] Openings = ["Proud to share", "Three lessons from", "What I learned building", "We just shipped", "A short thread on", "Grateful for a year of", "Hiring update:", "Notes from"];
    private static readonly string[] Topics = ["remote teams", "our new payments API", "mentoring first-time managers", "climate data", "open source maintenance", "customer interviews", "design systems", "the conference this week"];
    private static readonly string[] Closings = ["What would you add?", "Links in the comments.", "Thank you to everyone involved.", "More soon.", "We are hiring.", "Curious to hear your take."];
    private static readonly string[] Spoken = ["Here is what we built", "and why it matters", "Start with the problem", "then talk to the people who have it", "Ship something small", "and listen closely", "That is the whole trick", "Thanks for watching"];

    public static LinkedInMember Member(string name, Scenario scenario)
    {
        // Every draw happens whatever the scenario, so a scenario changes only what it is about.
        var random = StableRandom.ForName("li-member:" + name);
        var place = random.Pick(Places);
        var followers = (long)Math.Round(Math.Pow(10, 1.7 + (random.NextDouble() * 4.8)));
        var displayName = random.Pick(Firsts) + " " + random.Pick(Lasts);
        var noHeadline = random.Chance(0.1);
        var headline = random.Pick(Titles) + " at " + random.Pick(Employers);
        var picture = "https://media.licdn.com/dms/image/v2/" + random.NextToken(14) + "/profile-displayphoto-shrink_800_800/0/" + (1_700_000_000_000 + random.NextLong(0, 99_999_999_999)).ToString(CultureInfo.InvariantCulture);
        var posts = 3 + random.Next(8);
        var articles = random.Next(6);
        var minimal = scenario.Kind == ScenarioKind.Minimal;
        var full = scenario.Kind is ScenarioKind.Full or ScenarioKind.ExtraFields;
        var roles = Some(ref random, Titles, 0, 3);
        var employers = Some(ref random, Employers, 0, 3);
        var schools = Some(ref random, Schools, 0, 2);
        var languages = Some(ref random, Languages, 1, 3);
        return new LinkedInMember(
            name,
            displayName,
            minimal || (noHeadline && !full) ? null : headline,
            place.Locality,
            place.Region,
            place.Country,
            followers,
            minimal ? [] : full && roles.Length == 0 ? [Titles[0]] : roles,
            minimal ? [] : full && employers.Length == 0 ? [Employers[0]] : employers,
            minimal ? [] : full && schools.Length == 0 ? [Schools[0]] : schools,
            minimal ? [] : languages,
            picture,
            posts,
            articles);
    }

    public static LinkedInCompanyPage Company(string name)
    {
        var random = StableRandom.ForName("li-company:" + name);
        var place = random.Pick(Places);
        var display = DisplayNameOf(name);
        return new LinkedInCompanyPage(
            name,
            display,
            display + " builds " + random.Pick(Topics) + " for teams everywhere. Founded in " + (1990 + random.Next(35)).ToString(CultureInfo.InvariantCulture) + ", with offices in " + place.Locality + ".",
            random.Pick(["Build what matters.", "Work, made simpler.", "Data you can trust.", "For the curious."]),
            (1 + random.Next(900)).ToString(CultureInfo.InvariantCulture) + " Market Street",
            place.Locality,
            place.Region,
            (10000 + random.Next(89999)).ToString(CultureInfo.InvariantCulture),
            place.Country,
            (long)Math.Round(Math.Pow(10, 1 + (random.NextDouble() * 4.5))),
            (long)Math.Round(Math.Pow(10, 2 + (random.NextDouble() * 4.5))),
            "https://media.licdn.com/dms/image/v2/" + random.NextToken(14) + "/company-logo_200_200/0/" + (1_600_000_000_000 + random.NextLong(0, 99_999_999_999)).ToString(CultureInfo.InvariantCulture),
            "https://www." + (IsAsciiName(name) ? name.Replace('.', '-').Replace('_', '-') : "company" + (StableRandom.Hash(name) % 100_000).ToString(CultureInfo.InvariantCulture)) + ".example",
            40 + random.Next(400));
    }

    /// <summary>The post at <paramref name="index"/> of a member's or a company's list.</summary>
    public static LinkedInPostModel Post(PostOwner owner, string name, long index) =>
        Post(PostNumbers.For(owner, name, index), new PostRef(owner, name, index, false));

    /// <summary>The post a number names (see <see cref="PostNumbers"/>).</summary>
    public static LinkedInPostModel Post(string activityId) => Post(activityId, PostNumbers.Read(activityId));

    private static LinkedInPostModel Post(string activityId, PostRef at)
    {
        var random = StableRandom.ForName("li-post:" + activityId);
        var member = at.Owner == PostOwner.Member;
        var text = random.Pick(Openings) + " " + random.Pick(Topics) + ". " + random.Pick(Closings);
        var slugWords = SlugOf(text, 6);
        var url = "https://www.linkedin.com/posts/" + Uri.EscapeDataString(at.Name) + "_" + slugWords + "-activity-" + activityId + "-" + random.NextToken(4).Replace('-', 'x').Replace('_', 'y');
        var start = Epoch - TimeSpan.FromDays(StableRandom.Hash("li-start:" + at.Owner + ":" + at.Name) % 30);
        var published = start - TimeSpan.FromHours((at.Index * (member ? 60 : 26)) + random.Next(member ? 48 : 20));
        var popularity = member ? Member(at.Name, LinkedInNames.Resolve(at.Name)).FollowerCount : Company(at.Name).FollowerCount;
        var likes = (long)(popularity * (0.001 + (random.NextDouble() * 0.02))) + random.Next(5);
        var position = at.Index % PostNumbers.MemberPostLimit;
        LinkedInVideoModel? video = null;
        if (position % 3 == 0)
        {
            // Positions 0 and 9 have WebVTT captions, 3 SubRip, 6 a video without captions: predictable for tests.
            var captions = position switch { 3 => "application/x-subrip", 6 => null, _ => "text/vtt" };
            var token = random.NextToken(15);
            var stamp = (1_780_000_000_000 + random.NextLong(0, 9_999_999_999)).ToString(CultureInfo.InvariantCulture);
            video = new LinkedInVideoModel(
                "https://dms.licdn.com/playlist/vid/v2/" + token + "/mp4-720p-30fp-crf28/0/" + stamp,
                "https://media.licdn.com/dms/image/v2/" + token + "/videocover-high/0/" + stamp,
                random.Chance(0.5) ? 1280 : 720,
                random.Chance(0.5) ? 720 : 1280,
                6 + random.Next(120),
                captions);
        }

        // A company's feed leaves the date and the count out of some posts, as the contract warns.
        var sparse = !member && random.Chance(0.15);
        return new LinkedInPostModel(
            activityId,
            at,
            url,
            text,
            sparse ? null : published,
            sparse ? null : likes,
            likes / 12,
            video?.Cover ?? (random.Chance(0.5) ? "https://media.licdn.com/dms/image/v2/" + random.NextToken(15) + "/feedshare-shrink_800/0/1780000000000" : null),
            video,
            ListsEntityId: !(member && position == 2));
    }

    /// <summary>The inline comments LinkedIn shows with a post: at most five.</summary>
    public static IEnumerable<(string Author, string Text, DateTimeOffset Published, long Likes)> Comments(LinkedInPostModel post)
    {
        var random = StableRandom.ForName("li-comments:" + post.ActivityId);
        var shown = Math.Min(5, post.ReplyCount);
        var when = post.Published ?? Epoch;
        for (var i = 0; i < shown; i++)
        {
            when += TimeSpan.FromMinutes(5 + random.Next(600));
            yield return (random.Pick(Firsts) + " " + random.Pick(Lasts), random.Pick(["Great point.", "Congratulations to the team!", "Thanks for sharing this.", "Saving this for later.", "So true."]), when, random.Next(40));
        }
    }

    /// <summary>The captions of a post's video, in the format LinkedIn serves for it.</summary>
    public static string Captions(LinkedInPostModel post)
    {
        var random = StableRandom.ForName("li-captions:" + post.ActivityId);
        var srt = post.Video!.CaptionType == "application/x-subrip";
        var text = new StringBuilder(srt ? string.Empty : "WEBVTT\n\n");
        var at = TimeSpan.Zero;
        var end = TimeSpan.FromSeconds(post.Video.DurationSeconds);
        for (var number = 1; at < end; number++)
        {
            var next = at + TimeSpan.FromMilliseconds(2000 + random.Next(2500));
            if (next > end)
            {
                next = end;
            }

            if (srt)
            {
                text.Append(number.ToString(CultureInfo.InvariantCulture)).Append('\n')
                    .Append(Srt(at)).Append(" --> ").Append(Srt(next)).Append('\n');
            }
            else
            {
                text.Append(Vtt(at)).Append(" --> ").Append(Vtt(next)).Append('\n');
            }

            text.Append(random.Pick(Spoken)).Append(".\n\n");
            at = next;
        }

        return text.ToString();
    }

    public static IEnumerable<(string Url, string Title, string Cover, long Likes)> Articles(LinkedInMember member, long count)
    {
        for (var i = 0L; i < count; i++)
        {
            var random = StableRandom.ForName("li-article:" + member.Name + ":" + i.ToString(CultureInfo.InvariantCulture));
            var title = random.Pick(Openings) + " " + random.Pick(Topics);
            var url = "https://www.linkedin.com/pulse/" + SlugOf(title, 8) + "-" + SlugOf(member.DisplayName, 3) + "-" + random.NextToken(5).ToLowerInvariant().Replace('-', 'x').Replace('_', 'y');
            yield return (url, title, "https://media.licdn.com/dms/image/v2/" + random.NextToken(15) + "/article-cover_image-shrink_720_1280/0/1785000000000", (long)(member.FollowerCount * random.NextDouble() * 0.01) + random.Next(20));
        }
    }

    private static string[] Some(ref StableRandom random, string[] pool, int min, int max)
    {
        var count = min + random.Next(max - min + 1);
        var picked = new List<string>(count);
        while (picked.Count < count)
        {
            var candidate = random.Pick(pool);
            if (!picked.Contains(candidate))
            {
                picked.Add(candidate);
            }
        }

        return [.. picked];
    }

    private static string DisplayNameOf(string name)
    {
        if (name.Length > 0 && char.IsAsciiDigit(name[0]) && name.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return "Company " + name;
        }

        var words = name.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = char.ToUpperInvariant(words[i][0]) + words[i][1..];
        }

        return words.Length == 0 ? name : string.Join(' ', words);
    }

    private static bool IsAsciiName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string SlugOf(string text, int words)
    {
        var slug = new StringBuilder();
        var taken = 0;
        foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var clean = new string(Array.FindAll(word.ToCharArray(), char.IsAsciiLetterOrDigit));
            if (clean.Length == 0)
            {
                continue;
            }

            slug.Append(slug.Length == 0 ? string.Empty : "-").Append(clean);
            if (++taken == words)
            {
                break;
            }
        }

        return slug.Length == 0 ? "post" : slug.ToString();
    }

    private static string Vtt(TimeSpan at) => at.ToString(@"mm\:ss\.fff", CultureInfo.InvariantCulture);

    private static string Srt(TimeSpan at) => at.ToString(@"hh\:mm\:ss\,fff", CultureInfo.InvariantCulture);
}
