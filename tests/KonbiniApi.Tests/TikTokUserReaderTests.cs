using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using KonbiniApi.Errors;
using KonbiniApi.Json;
using KonbiniApi.Models;
using KonbiniApi.Tests.Support;
using Xunit;

namespace KonbiniApi.Tests;

public class TikTokUserReaderTests
{
    private const string RequestPath = "/v1/tiktok/users/midnight.onigiri";

    private static TikTokUser ReadFixture(string name)
    {
        using var document = Fixture.Document(name);
        return ModelReader.Read<TikTokUser>(document.RootElement.GetProperty("data"), RequestPath, "data");
    }

    private static TikTokUser ReadData(string dataJson)
    {
        using var document = JsonDocument.Parse(dataJson);
        return ModelReader.Read<TikTokUser>(document.RootElement, RequestPath, "data");
    }

    /// <summary>The minimal fixture's data with one change applied.</summary>
    private static string MinimalWith(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Fixture.Text("tiktok-user-minimal.json"))!.AsObject();
        var data = root["data"]!.AsObject();
        change(data);
        return data.ToJsonString();
    }

    private static KonbiniApiException Refused(string dataJson)
    {
        var failure = Assert.Throws<KonbiniApiException>(() => ReadData(dataJson));
        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Equal(RequestPath, failure.RequestPath);
        return failure;
    }

    [Fact]
    public void Full_fixture_fills_every_property()
    {
        var user = ReadFixture("tiktok-user-full.json");

        Assert.Equal("midnight.onigiri", user.Username);
        Assert.Equal("Midnight Onigiri", user.DisplayName);
        Assert.Equal("Rice balls at 2 a.m.\nTokyo → Osaka", user.Bio);
        Assert.Equal("https://www.tiktok.com/@midnight.onigiri", user.ProfileUrl);
        Assert.Equal("https://www.tiktok.com/@midnight.onigiri", user.Id);
        Assert.Equal("MS4wLjABAAAAtestFixtureSecUid_0123456789abcdefABCDEF-xyz", user.EntityId);
        Assert.False(user.IsPrivate);
        Assert.True(user.IsVerified);
        Assert.True(user.IsLive);
        Assert.False(user.HasPublicLikes);
        Assert.True(user.HasPlaylists);
        Assert.Equal(48_210_733L, user.FollowerCount);
        Assert.Equal(212L, user.FollowingCount);
        Assert.Equal(2_600_000_000L, user.LikeCount);
        Assert.True(user.LikeCount > int.MaxValue);
        Assert.Equal(7_421L, user.LikedCount);
        Assert.Equal(988L, user.PostCount);
        Assert.Equal("ja", user.Language);
        Assert.Equal("@midnight.onigiri", user.ToString());

        Assert.NotNull(user.Created);
        Assert.Equal(DateTimeKind.Utc, user.Created!.Value.Kind);
        Assert.Equal(new DateTime(2019, 11, 2, 21, 45, 30, DateTimeKind.Utc), user.Created.Value);

        Assert.Equal(2, user.Links.Count);
        Assert.Equal("https://example.org/onigiri", user.Links[0].Url);
        Assert.Equal("preferred", user.Links[0].Rel);
        Assert.Equal("https://shop.example.net/nori", user.Links[1].Url);
        Assert.Null(user.Links[1].Rel);

        Assert.NotNull(user.Avatar);
        Assert.Equal("https://cdn.example.com/avatars/onigiri-720.jpeg", user.Avatar!.Url);
        Assert.Equal(720, user.Avatar.Width);
        Assert.Equal(720, user.Avatar.Height);

        Assert.Equal(3, user.Images.Count);
        Assert.Equal(100, user.Images[1].Width);
        Assert.Equal(100, user.Images[1].Height);
        Assert.Equal("https://cdn.example.com/avatars/onigiri-original.jpeg", user.Images[2].Url);
        Assert.Null(user.Images[2].Width);
        Assert.Null(user.Images[2].Height);
    }

    [Fact]
    public void Links_and_images_print_as_their_addresses_separated_by_spaces()
    {
        var user = ReadFixture("tiktok-user-full.json");

        Assert.Equal("https://example.org/onigiri https://shop.example.net/nori", user.Links.ToString());
        Assert.Equal(
            "https://cdn.example.com/avatars/onigiri-720.jpeg https://cdn.example.com/avatars/onigiri-100.jpeg https://cdn.example.com/avatars/onigiri-original.jpeg",
            user.Images.ToString());
        Assert.Equal("https://example.org/onigiri", user.Links[0].ToString());
        Assert.Equal("https://cdn.example.com/avatars/onigiri-720.jpeg", user.Avatar!.ToString());
        Assert.Equal(string.Empty, new TikTokLinkCollection().ToString());
        Assert.Equal(string.Empty, new TikTokImageCollection().ToString());
    }

    [Fact]
    public void Minimal_fixture_leaves_optional_properties_null_or_empty()
    {
        var user = ReadFixture("tiktok-user-minimal.json");

        Assert.Equal("q", user.Username);
        Assert.Equal(string.Empty, user.DisplayName);
        Assert.True(user.IsPrivate);
        Assert.Null(user.Bio);
        Assert.Null(user.Created);
        Assert.Null(user.HasPublicLikes);
        Assert.Null(user.HasPlaylists);
        Assert.Null(user.LikedCount);
        Assert.Null(user.Language);
        Assert.Null(user.Avatar);
        Assert.NotNull(user.Links);
        Assert.Empty(user.Links);
        Assert.NotNull(user.Images);
        Assert.Empty(user.Images);
        Assert.Equal(0L, user.LikeCount);
    }

    [Fact]
    public void Optional_fields_given_as_null_read_as_absent()
    {
        var user = ReadData(MinimalWith(data =>
        {
            data["summary"] = null;
            data["published"] = null;
            data["hasLikes"] = null;
            data["likedCount"] = null;
            data["icon"] = null;
            data["image"] = null;
            data["attachment"] = null;
        }));

        Assert.Null(user.Bio);
        Assert.Null(user.Created);
        Assert.Null(user.HasPublicLikes);
        Assert.Null(user.LikedCount);
        Assert.Null(user.Avatar);
        Assert.Empty(user.Images);
        Assert.Empty(user.Links);
    }

    [Fact]
    public void Unknown_fields_are_ignored_nested_objects_too()
    {
        var user = ReadFixture("tiktok-user-extra-fields.json");

        Assert.Equal("future.fields", user.Username);
        Assert.Equal(30L, user.LikeCount);
        Assert.Equal("https://example.org/a", Assert.Single(user.Links).Url);
        Assert.Equal("https://cdn.example.com/f.png", user.Avatar!.Url);
        Assert.Null(user.Avatar.Width);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("url")]
    [InlineData("entityId")]
    [InlineData("name")]
    [InlineData("preferredUsername")]
    [InlineData("isPrivate")]
    [InlineData("isVerified")]
    [InlineData("isLive")]
    [InlineData("followerCount")]
    [InlineData("followingCount")]
    [InlineData("likeCount")]
    [InlineData("mediaCount")]
    public void Missing_required_field_is_an_invalid_response_naming_it(string field)
    {
        var failure = Refused(MinimalWith(data => data.Remove(field)));
        Assert.Contains("data." + field, failure.Message, StringComparison.Ordinal);
        Assert.Contains("missing", failure.Message, StringComparison.Ordinal);

        var nulled = Refused(MinimalWith(data => data[field] = null));
        Assert.Contains("data." + field, nulled.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("followerCount", "\"12\"")]
    [InlineData("likeCount", "\"2600000000\"")]
    [InlineData("likeCount", "1.5")]
    [InlineData("likeCount", "1e3")]
    [InlineData("likeCount", "99999999999999999999")]
    [InlineData("likedCount", "\"5\"")]
    [InlineData("isPrivate", "0")]
    [InlineData("isVerified", "1")]
    [InlineData("isLive", "\"false\"")]
    [InlineData("hasLikes", "1")]
    [InlineData("hasPlaylists", "\"yes\"")]
    [InlineData("id", "42")]
    [InlineData("preferredUsername", "[\"q\"]")]
    [InlineData("name", "{\"text\":\"Q\"}")]
    [InlineData("summary", "false")]
    [InlineData("language", "7")]
    [InlineData("published", "20200315")]
    [InlineData("published", "\"not a date at all\"")]
    [InlineData("attachment", "{\"href\":\"https://example.org\"}")]
    [InlineData("attachment", "\"https://example.org\"")]
    [InlineData("image", "{\"url\":\"https://cdn.example.com/x.jpeg\"}")]
    [InlineData("icon", "[{\"url\":\"https://cdn.example.com/x.jpeg\"}]")]
    [InlineData("icon", "\"https://cdn.example.com/x.jpeg\"")]
    public void Wrong_json_type_is_an_invalid_response_naming_the_field(string field, string valueJson)
    {
        var failure = Refused(MinimalWith(data => data[field] = JsonNode.Parse(valueJson)));
        Assert.Contains("data." + field, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("attachment", "[\"https://example.org\"]", "data.attachment[0]")]
    [InlineData("attachment", "[{\"rel\":\"me\"}]", "data.attachment[0].href")]
    [InlineData("attachment", "[{\"href\":\"https://example.org\"},{\"href\":3}]", "data.attachment[1].href")]
    [InlineData("attachment", "[{\"href\":\"https://example.org\",\"rel\":[]}]", "data.attachment[0].rel")]
    [InlineData("image", "[{\"url\":\"https://cdn.example.com/a\"},null]", "data.image[1]")]
    [InlineData("image", "[{\"width\":10}]", "data.image[0].url")]
    [InlineData("image", "[{\"url\":\"https://cdn.example.com/a\",\"width\":\"10\"}]", "data.image[0].width")]
    [InlineData("image", "[{\"url\":\"https://cdn.example.com/a\",\"height\":10.5}]", "data.image[0].height")]
    [InlineData("image", "[{\"url\":\"https://cdn.example.com/a\",\"height\":3000000000}]", "data.image[0].height")]
    [InlineData("icon", "{\"width\":10,\"height\":10}", "data.icon.url")]
    public void Broken_nested_item_is_an_invalid_response_naming_its_path(string field, string valueJson, string expectedPath)
    {
        var failure = Refused(MinimalWith(data => data[field] = JsonNode.Parse(valueJson)));
        Assert.Contains(expectedPath, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"user\"")]
    [InlineData("42")]
    public void Data_that_is_not_an_object_is_an_invalid_response(string json)
    {
        Refused(json);
    }

    [Fact]
    public void Published_with_an_offset_is_converted_to_utc()
    {
        var user = ReadData(MinimalWith(data => data["published"] = "2021-06-01T09:00:00+09:00"));

        Assert.Equal(new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc), user.Created);
        Assert.Equal(DateTimeKind.Utc, user.Created!.Value.Kind);
    }

    [Fact]
    public void Counts_up_to_long_max_are_read_exactly()
    {
        var user = ReadData(MinimalWith(data => data["followerCount"] = long.MaxValue));

        Assert.Equal(long.MaxValue, user.FollowerCount);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_is_an_invalid_response_not_a_crash()
    {
        // A proxy or a broken upstream can send bytes that are not UTF-8 inside a JSON string.
        var text = MinimalWith(data => data["name"] = "PLACEHOLDER");
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var marker = System.Text.Encoding.UTF8.GetBytes("PLACEHOLDER");
        var at = bytes.AsSpan().IndexOf(marker);
        bytes[at] = 0xC3; // a lead byte ...
        bytes[at + 1] = 0x28; // ... followed by a byte that cannot continue it

        Exception? failure = Record.Exception(() =>
        {
            using var document = JsonDocument.Parse(bytes);
            ModelReader.Read<TikTokUser>(document.RootElement, RequestPath, "data");
        });

        // JsonDocument may refuse the bytes itself (JsonException, which the client maps); what
        // must not happen is a raw InvalidOperationException out of the reader.
        Assert.NotNull(failure);
        Assert.True(
            failure is JsonException || failure is KonbiniApiException { Kind: ApiErrorKind.InvalidResponse },
            failure.GetType().Name + ": " + failure.Message);
    }
}
