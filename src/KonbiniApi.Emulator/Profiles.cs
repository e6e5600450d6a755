using System;
using System.Collections.Concurrent;

namespace KonbiniApi.Emulator;

/// <summary>A user as every route sees it: the generated profile with the reserved names' overrides, and
/// its embedded form (no @context) pre-rendered, since one author appears on many items.</summary>
internal sealed record Author(TikTokProfile Profile, Scenario Scenario, byte[] Embedded)
{
    public string Name => Profile.Username;

    public string Url => Profile.ProfileUrl.AbsoluteUri;
}

internal static class Profiles
{
    private const int CacheLimit = 50_000;
    private static readonly ConcurrentDictionary<string, Author> Cache = new(StringComparer.Ordinal);

    /// <param name="username">A validated, lower-cased handle.</param>
    public static Author For(string username)
    {
        if (Cache.TryGetValue(username, out var cached))
        {
            return cached;
        }

        var scenario = ReservedNames.Resolve(username);
        var profile = Build(username, scenario);
        var author = new Author(profile, scenario, PersonJson.Embedded(profile));
        // A crude bound is enough: entries are pure functions of the name, so dropping them costs only time.
        if (Cache.Count >= CacheLimit)
        {
            Cache.Clear();
        }

        Cache.TryAdd(username, author);
        return author;
    }

    public static TikTokProfile Build(string username, Scenario scenario)
    {
        var full = scenario.Kind is ScenarioKind.Full or ScenarioKind.ExtraFields;
        var profile = full ? ProfileGenerator.Full(username) : ProfileGenerator.Generate(username);
        return scenario.Kind switch
        {
            ScenarioKind.Private => profile with { IsPrivate = true },
            ScenarioKind.Verified => profile with { IsVerified = true },
            ScenarioKind.Live => profile with { IsLive = true },
            ScenarioKind.Minimal => profile.WithoutOptionalFields(),
            ScenarioKind.ListExact => profile with
            {
                FollowerCount = scenario.Number,
                FollowingCount = scenario.Number,
                MediaCount = scenario.Number,
                LikedCount = scenario.Number,
            },
            _ => profile,
        };
    }
}
