using System;
using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>
/// The captions of a post's video (an ActivityStreams <c>Document</c>): the caption file as LinkedIn serves
/// it, WebVTT or SubRip as <see cref="MediaType"/> says, and its cues read into objects by the module.
/// </summary>
public sealed class LinkedInTranscript
{
    /// <summary>The post whose video it transcribes (the activity ID the call was made with).</summary>
    [JsonIgnore]
    public string? PostId { get; set; }

    /// <summary>WebVTT or SubRip, from <see cref="MediaType"/>; the MIME type itself when it is neither.</summary>
    [JsonIgnore]
    public string Format => MediaType switch
    {
        "text/vtt" => "WebVTT",
        "application/x-subrip" or "text/srt" => "SubRip",
        _ => MediaType,
    };

    /// <summary>The timed lines, read from <see cref="Content"/> in either format.</summary>
    [JsonIgnore]
    public ItemList<LinkedInTranscriptCue> Cues { get; set; } = new();

    /// <summary>The caption file's MIME type: <c>text/vtt</c> or <c>application/x-subrip</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    [JsonRequired]
    public string MediaType { get; set; } = string.Empty;

    /// <summary>The caption file as sent, in the format <see cref="MediaType"/> names (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string Content { get; set; } = string.Empty;

    /// <summary>The caption file's size in bytes (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public long? SizeBytes { get; set; }

    /// <summary>The post's address (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The transcript's own address (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The spoken text, cue after cue.</summary>
    public override string ToString() => Cues.ToString();
}

/// <summary>One timed line of a post's captions.</summary>
public sealed class LinkedInTranscriptCue
{
    /// <summary>When the line starts, from the start of the video.</summary>
    public TimeSpan Start { get; set; }

    /// <summary>When the line ends.</summary>
    public TimeSpan End { get; set; }

    /// <summary>The words (lines of one cue joined by a line break).</summary>
    public string Text { get; set; } = string.Empty;

    /// <inheritdoc />
    public override string ToString() => Text;
}
