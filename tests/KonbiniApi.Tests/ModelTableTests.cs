using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using KonbiniApi.Errors;
using KonbiniApi.Json;
using KonbiniApi.Models;
using Xunit;

namespace KonbiniApi.Tests;

/// <summary>
/// One table over every model the reader knows. Each row is the smallest object the contract allows
/// (required members only); everything else (which members are required, which are lists and dates) is
/// found by reflection over the models' attributes, so a new model needs only its row here.
/// </summary>
public sealed class ModelTableTests
{
    private const string RequestPath = "/v1/tiktok/test";

    private const string SummaryJson = "{\"url\":\"https://www.tiktok.com/@rice\",\"id\":\"https://www.tiktok.com/@rice\",\"isPrivate\":false,\"isVerified\":true}";

    /// <summary>The smallest valid object of each model, written from the contract.</summary>
    private static readonly Dictionary<Type, string> MinimalJson = new()
    {
        [typeof(TikTokUser)] =
            "{\"preferredUsername\":\"midnight.onigiri\",\"name\":\"Midnight Onigiri\",\"isPrivate\":false,\"isVerified\":true,\"isLive\":false," +
            "\"followerCount\":3000000000,\"followingCount\":12,\"likeCount\":9876543210,\"mediaCount\":321," +
            "\"url\":\"https://www.tiktok.com/@midnight.onigiri\",\"id\":\"https://www.tiktok.com/@midnight.onigiri#id\",\"entityId\":\"MS4wLjABAAAA\"}",
        [typeof(TikTokUserSummary)] = SummaryJson,
        [typeof(TikTokVideo)] =
            "{\"entityId\":\"7300000000000000001\",\"published\":\"2026-01-02T03:04:05Z\",\"viewCount\":100,\"likeCount\":20,\"commentCount\":3," +
            "\"repostCount\":4,\"shareCount\":5,\"saveCount\":6,\"attributedTo\":" + SummaryJson + "," +
            "\"url\":\"https://www.tiktok.com/@rice/video/7300000000000000001\",\"id\":\"https://www.tiktok.com/@rice/video/7300000000000000001#id\"}",
        [typeof(TikTokComment)] = "{\"content\":\"So good!\",\"likeCount\":7,\"id\":\"https://www.tiktok.com/comment/1\"}",
        [typeof(TikTokAudio)] = "{\"name\":\"original sound\",\"duration\":15.5}",
        [typeof(TikTokCollection)] = "{\"entityId\":\"7200000000000000002\",\"name\":\"Snacks\",\"id\":\"https://www.tiktok.com/@rice/collection/Snacks-7200000000000000002\"}",
        [typeof(TikTokStory)] =
            "{\"entityId\":\"7400000000000000003\",\"published\":\"2026-02-03T04:05:06+09:00\",\"viewCount\":10,\"likeCount\":2,\"commentCount\":0," +
            "\"repostCount\":0,\"shareCount\":1,\"saveCount\":0,\"url\":\"https://www.tiktok.com/@rice/story/1\",\"id\":\"https://www.tiktok.com/@rice/story/1#id\"}",
        [typeof(TikTokLive)] = "{\"entityId\":\"7500000000000000004\",\"isLive\":true,\"url\":\"https://www.tiktok.com/@rice/live\",\"id\":\"https://www.tiktok.com/@rice/live#id\"}",
        [typeof(TikTokTranscript)] =
            "{\"language\":\"en\",\"content\":\"WEBVTT\\n\\n00:00:00.000 --> 00:00:01.000\\nHi\\n\",\"mediaType\":\"text/vtt\"," +
            "\"url\":\"https://cdn.example/t.vtt\",\"id\":\"https://cdn.example/t.vtt#id\"}",
        [typeof(TikTokDownloadLink)] = "{\"url\":\"https://cdn.example/video.mp4\"}",
    };

    /// <summary>A valid element of each type a model lists, for the list rules.</summary>
    private static readonly Dictionary<Type, string> ElementJson = new()
    {
        [typeof(TikTokImage)] = "{\"url\":\"https://cdn.example/a.jpg\"}",
        [typeof(TikTokLink)] = "{\"href\":\"https://link.example/\"}",
        [typeof(TikTokTag)] = "{\"name\":\"onigiri\"}",
        [typeof(TikTokMediaFile)] = "{\"url\":[\"https://cdn.example/v.mp4\"]}",
        [typeof(TikTokUserSummary)] = SummaryJson,
    };

    private sealed record Member(string Name, PropertyInfo Property, bool Required);

    private static IEnumerable<Type> ContextTypes() =>
        typeof(ModelContext).GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(JsonSerializableAttribute))
            .Select(attribute => (Type)attribute.ConstructorArguments[0].Value!)
            .Where(type => !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ItemList<>)));

    private static Type TypeNamed(string name) => MinimalJson.Keys.Single(type => type.Name == name);

    private static IReadOnlyList<Member> Members(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .Select(property => (property, name: property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name))
            .Where(pair => pair.name is not null)
            .Select(pair => new Member(pair.name!, pair.property, pair.property.GetCustomAttribute<JsonRequiredAttribute>() is not null))
            .ToList();

    private static Member MemberOf(Type type, string name) => Members(type).Single(member => member.Name == name);

    private static Type? ListElement(Type type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.IsGenericType && current.GetGenericTypeDefinition() == typeof(ItemList<>))
            {
                return current.GetGenericArguments()[0];
            }
        }

        return null;
    }

    private static bool IsDate(Type type) => type == typeof(DateTime) || type == typeof(DateTime?);

    private static TheoryData<string> AllModels()
    {
        var data = new TheoryData<string>();
        foreach (var type in MinimalJson.Keys)
        {
            data.Add(type.Name);
        }

        return data;
    }

    public static TheoryData<string> Models => AllModels();

    public static TheoryData<string, string> RequiredMembers => MembersWhere(member => member.Required);

    public static TheoryData<string, string> ListMembers => MembersWhere(member => ListElement(member.Property.PropertyType) is not null);

    /// <summary>Lists read by the model's own list converter (STJ reads the others): one object or an array.</summary>
    public static TheoryData<string, string> PlainListMembers =>
        MembersWhere(member => ListElement(member.Property.PropertyType) is not null && member.Property.GetCustomAttribute<JsonConverterAttribute>() is null);

    public static TheoryData<string, string> DateMembers => MembersWhere(member => IsDate(member.Property.PropertyType));

    public static TheoryData<string, string> OptionalDateMembers => MembersWhere(member => IsDate(member.Property.PropertyType) && !member.Required);

    private static TheoryData<string, string> MembersWhere(Func<Member, bool> keep)
    {
        var data = new TheoryData<string, string>();
        foreach (var type in MinimalJson.Keys)
        {
            foreach (var member in Members(type).Where(keep))
            {
                data.Add(type.Name, member.Name);
            }
        }

        return data;
    }

    private static JsonObject Minimal(Type type) => JsonNode.Parse(MinimalJson[type])!.AsObject();

    /// <summary>ModelReader.Read&lt;T&gt; for a type known only at run time.</summary>
    private static object Read(Type type, string json)
    {
        using var document = JsonDocument.Parse(json);
        var read = typeof(ModelReader).GetMethod(nameof(ModelReader.Read))!.MakeGenericMethod(type);
        try
        {
            return read.Invoke(null, new object[] { document.RootElement, RequestPath, "data" })!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(wrapped.InnerException).Throw();
            throw;
        }
    }

    private static object Read(Type type, JsonObject json) => Read(type, json.ToJsonString());

    private static KonbiniApiException Refused(Type type, JsonObject json)
    {
        var failure = Assert.Throws<KonbiniApiException>(() => Read(type, json));
        Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
        Assert.Equal(RequestPath, failure.RequestPath);
        Assert.StartsWith("The response does not follow the KonbiniAPI contract: ", failure.Message, StringComparison.Ordinal);
        return failure;
    }

    /// <summary>What the message calls a member's type, and JSON values of other types with how the message names them.</summary>
    private static (string Expected, (JsonNode? Value, string Actual)[] Wrong) WrongValues(Type clr)
    {
        var type = Nullable.GetUnderlyingType(clr) ?? clr;
        if (type == typeof(string))
        {
            return ("a string", new (JsonNode?, string)[] { (JsonValue.Create(12345), "a number"), (JsonValue.Create(true), "a boolean"), (new JsonObject(), "an object") });
        }

        if (type == typeof(bool))
        {
            return ("a boolean", new (JsonNode?, string)[] { (JsonValue.Create("yes"), "a string"), (JsonValue.Create(1), "a number"), (new JsonArray(), "an array") });
        }

        if (type == typeof(long) || type == typeof(int))
        {
            return ("a whole number", new (JsonNode?, string)[] { (JsonValue.Create("12"), "a string"), (JsonValue.Create(1.5), "a number that is not a whole 64-bit number"), (JsonValue.Create(false), "a boolean") });
        }

        if (type == typeof(double))
        {
            return ("a number", new (JsonNode?, string)[] { (JsonValue.Create("15.5"), "a string"), (JsonValue.Create(true), "a boolean") });
        }

        if (type == typeof(DateTime))
        {
            return ("a date", new (JsonNode?, string)[] { (JsonValue.Create(1735689600), "a number"), (JsonValue.Create(true), "a boolean") });
        }

        return ("an object", new (JsonNode?, string)[] { (JsonValue.Create("text"), "a string"), (new JsonArray(), "an array"), (JsonValue.Create(7), "a number") });
    }

    [Fact]
    public void Every_model_in_the_context_has_a_row_and_every_row_is_a_model_of_the_context()
    {
        var inContext = ContextTypes().OrderBy(type => type.Name).ToList();

        Assert.Equal(10, inContext.Count);
        Assert.Equal(inContext.Select(type => type.Name), MinimalJson.Keys.OrderBy(type => type.Name).Select(type => type.Name));
    }

    [Fact]
    public void Every_type_a_model_lists_has_an_element_row()
    {
        var listed = MinimalJson.Keys
            .SelectMany(Members)
            .Select(member => ListElement(member.Property.PropertyType))
            .Where(element => element is not null)
            .Distinct()
            .ToList();

        Assert.NotEmpty(listed);
        Assert.All(listed, element => Assert.True(ElementJson.ContainsKey(element!), "No element row for " + element!.Name + "."));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_minimal_row_holds_exactly_the_required_members(string model)
    {
        var type = TypeNamed(model);
        var required = Members(type).Where(member => member.Required).Select(member => member.Name).OrderBy(name => name, StringComparer.Ordinal);

        Assert.NotEmpty(required);
        Assert.Equal(required, Minimal(type).Select(pair => pair.Key).OrderBy(name => name, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void The_minimal_object_reads_and_every_required_member_carries_its_value(string model)
    {
        var type = TypeNamed(model);
        var json = Minimal(type);

        var read = Read(type, json);

        Assert.IsType(type, read);
        foreach (var member in Members(type).Where(member => member.Required))
        {
            var value = member.Property.GetValue(read);
            var given = json[member.Name]!;
            switch (value)
            {
                case string text:
                    Assert.Equal(given.GetValue<string>(), text);
                    break;
                case bool flag:
                    Assert.Equal(given.GetValue<bool>(), flag);
                    break;
                case long whole:
                    Assert.Equal(given.GetValue<long>(), whole);
                    break;
                case double number:
                    Assert.Equal(given.GetValue<double>(), number);
                    break;
                case DateTime moment:
                    Assert.Equal(DateTimeKind.Utc, moment.Kind);
                    Assert.Equal(DateTimeOffset.Parse(given.GetValue<string>(), CultureInfo.InvariantCulture).UtcDateTime, moment);
                    break;
                default:
                    Assert.NotNull(value);
                    break;
            }
        }

        // Lists that were not given are empty, never null.
        foreach (var member in Members(type).Where(member => ListElement(member.Property.PropertyType) is not null))
        {
            Assert.Empty((System.Collections.IEnumerable)member.Property.GetValue(read)!);
        }
    }

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public void A_missing_required_member_is_named(string model, string member)
    {
        var type = TypeNamed(model);
        var json = Minimal(type);
        Assert.True(json.Remove(member));

        var failure = Refused(type, json);

        Assert.Contains("the required field data." + member + " is missing", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public void A_required_member_that_is_null_is_named(string model, string member)
    {
        var type = TypeNamed(model);
        var json = Minimal(type);
        json[member] = null;

        var failure = Refused(type, json);

        var property = MemberOf(type, member).Property.PropertyType;
        var expected = property.IsValueType
            ? "data." + member + " should be " + WrongValues(property).Expected + " but is null"
            : "the required field data." + member + " is null";
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RequiredMembers))]
    public void A_required_member_of_the_wrong_JSON_type_is_named(string model, string member)
    {
        var type = TypeNamed(model);
        var (expected, wrong) = WrongValues(MemberOf(type, member).Property.PropertyType);

        foreach (var (value, actual) in wrong)
        {
            var json = Minimal(type);
            json[member] = value;

            var failure = Refused(type, json);

            Assert.Contains("data." + member + " should be " + expected + " but is " + actual, failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Unknown_members_are_ignored(string model)
    {
        var type = TypeNamed(model);
        var json = Minimal(type);
        json["addedNextYear"] = new JsonObject { ["deep"] = new JsonArray(1, "two", null) };
        json["alsoNew"] = null;
        json["_links"] = "text";

        var read = Read(type, json);

        var plain = Read(type, Minimal(type));
        foreach (var member in Members(type).Where(member => member.Required && (member.Property.PropertyType.IsValueType || member.Property.PropertyType == typeof(string))))
        {
            Assert.Equal(member.Property.GetValue(plain), member.Property.GetValue(read));
        }
    }

    [Theory]
    [MemberData(nameof(ListMembers))]
    public void A_null_element_of_a_list_is_named_by_its_index(string model, string member) => NullElementIsNamed(model, member);

    [Fact]
    public void A_one_or_many_list_takes_a_single_object_as_a_list_of_one()
    {
        var json = Minimal(typeof(TikTokAudio));
        json["attributedTo"] = JsonNode.Parse(SummaryJson);

        var audio = (TikTokAudio)Read(typeof(TikTokAudio), json);

        Assert.Equal("https://www.tiktok.com/@rice", Assert.Single(audio.Authors).ProfileUrl);
    }

    private static void NullElementIsNamed(string model, string member)
    {
        var type = TypeNamed(model);
        var element = ElementJson[ListElement(MemberOf(type, member).Property.PropertyType)!];
        var json = Minimal(type);
        json[member] = new JsonArray(JsonNode.Parse(element), JsonNode.Parse(element), null);

        var failure = Refused(type, json);

        Assert.Contains("data." + member + "[2] is null, not an item", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ListMembers))]
    public void A_list_reads_its_elements_in_order_and_a_null_list_reads_as_empty(string model, string member)
    {
        var type = TypeNamed(model);
        var property = MemberOf(type, member).Property;
        var element = ElementJson[ListElement(property.PropertyType)!];
        var json = Minimal(type);
        json[member] = new JsonArray(JsonNode.Parse(element), JsonNode.Parse(element));

        var two = (System.Collections.IEnumerable)property.GetValue(Read(type, json))!;
        Assert.Equal(2, two.Cast<object>().Count());

        json[member] = null;
        var none = property.GetValue(Read(type, json));
        Assert.NotNull(none);
        Assert.Empty((System.Collections.IEnumerable)none!);
    }

    [Theory]
    [InlineData("2026-03-04T05:06:07Z", "2026-03-04T05:06:07.0000000Z")]
    [InlineData("2026-03-04T05:06:07+09:00", "2026-03-03T20:06:07.0000000Z")]
    [InlineData("2026-03-04T05:06:07.123-02:30", "2026-03-04T07:36:07.1230000Z")]
    [InlineData("2026-03-04T05:06:07", "2026-03-04T05:06:07.0000000Z")]
    [InlineData("2026-03-04T23:30:00-01:00", "2026-03-05T00:30:00.0000000Z")]
    public void Dates_read_as_UTC_with_or_without_an_offset(string given, string expectedUtc)
    {
        var expected = DateTime.Parse(expectedUtc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var cases = 0;
        foreach (var (model, member) in DateRows())
        {
            var type = TypeNamed(model);
            var json = Minimal(type);
            json[member] = given;

            var value = MemberOf(type, member).Property.GetValue(Read(type, json));

            var when = Assert.IsType<DateTime>(value);
            Assert.Equal(DateTimeKind.Utc, when.Kind);
            Assert.Equal(expected, when);
            cases++;
        }

        Assert.True(cases >= 5, "Expected dates on several models, found " + cases + ".");
    }

    [Theory]
    [MemberData(nameof(DateMembers))]
    public void A_bad_date_is_named(string model, string member)
    {
        var type = TypeNamed(model);
        foreach (var bad in new[] { "not a date", "2026-13-01T00:00:00Z", "yesterday", "" })
        {
            var json = Minimal(type);
            json[member] = bad;

            var failure = Refused(type, json);

            Assert.Contains("data." + member + " is not a date: '" + bad + "'", failure.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(OptionalDateMembers))]
    public void An_optional_date_that_is_null_or_absent_stays_null(string model, string member)
    {
        var type = TypeNamed(model);
        var property = MemberOf(type, member).Property;
        var json = Minimal(type);
        Assert.Null(property.GetValue(Read(type, json)));
        json[member] = null;
        Assert.Null(property.GetValue(Read(type, json)));
    }

    [Fact]
    public void A_nested_member_is_named_by_its_full_path()
    {
        var json = Minimal(typeof(TikTokVideo));
        json["attributedTo"]!["isVerified"] = "yes";

        var failure = Refused(typeof(TikTokVideo), json);

        Assert.Contains("data.attributedTo.isVerified should be a boolean but is a string", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_is_not_an_object_is_refused_for_every_model()
    {
        foreach (var type in MinimalJson.Keys)
        {
            var failure = Assert.Throws<KonbiniApiException>(() => Read(type, "[1,2]"));
            Assert.Equal(ApiErrorKind.InvalidResponse, failure.Kind);
            Assert.Contains("data is an array, not an object", failure.Message, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<(string Model, string Member)> DateRows()
    {
        foreach (var row in DateMembers)
        {
            yield return ((string)row[0], (string)row[1]);
        }
    }
}
