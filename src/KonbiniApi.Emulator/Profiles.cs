using System;

namespace KonbiniApi.Emulator;

/// <summary>A user as every route sees it: the generated profile with the reserved names' overrides, and
/// its embedded form (no @context) pre-rendered, since one author appears on many items.</summary>
internal sealed record Author(TikTokProfile Profile, Scenario Scenario, byte[] Embedded)
{
    /// <summary>The name as IDs carry it, worked out once: every item on a creator's page needs it.</summary>
    public AuthorCode Code { get; } = Authors.Encode(Profile.Username);

    public string Name => Profile.Username;

    public string Url => Profile.ProfileUrlText;
}

internal static class Profiles
{
    // A few kilobytes an author (profile and rendered form): at most some 100 MB kept.
    private static readonly GeneratedCache<Author> Cache = new(32_768);

    /// <param name="username">A validated, lower-cased handle.</param>
    public static Author For(string username) => Cache.GetOrAdd(username, static name =>
    {
        var scenario = ReservedNames.Resolve(name);
        var profile = Build(name, scenario);
        return new Author(profile, scenario, PersonJson.Embedded(profile));
    });

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
