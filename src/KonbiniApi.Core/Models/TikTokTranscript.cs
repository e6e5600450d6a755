using System;
using System.Text.Json.Serialization;

namespace KonbiniApi.Models;

/// <summary>A video's transcript: the WebVTT text as sent, and its cues as objects.</summary>
public sealed class TikTokTranscript
{
    /// <summary>The video it transcribes.</summary>
    [JsonIgnore]
    public string? VideoId { get; set; }

    /// <summary>The transcript's language, BCP 47 (<c>language</c>).</summary>
    [JsonPropertyName("language")]
    [JsonRequired]
    public string Language { get; set; } = string.Empty;

    /// <summary>How it was made, e.g. <c>ASR</c> for speech recognition (<c>source</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The timed lines, parsed from <see cref="WebVtt"/>.</summary>
    [JsonIgnore]
    public ItemList<TikTokTranscriptCue> Cues { get; set; } = new();

    /// <summary>The WebVTT document (<c>content</c>).</summary>
    [JsonPropertyName("content")]
    [JsonRequired]
    public string WebVtt { get; set; } = string.Empty;

    /// <summary>Always <c>text/vtt</c> (<c>mediaType</c>).</summary>
    [JsonPropertyName("mediaType")]
    [JsonRequired]
    public string MediaType { get; set; } = string.Empty;

    /// <summary>Size of the WebVTT text in bytes (<c>size</c>).</summary>
    [JsonPropertyName("size")]
    public long? SizeBytes { get; set; }

    /// <summary>The video's page (<c>url</c>).</summary>
    [JsonPropertyName("url")]
    [JsonRequired]
    public string Url { get; set; } = string.Empty;

    /// <summary>The transcript's id (<c>id</c>).</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public string Id { get; set; } = string.Empty;

    /// <summary>The spoken text, cue after cue.</summary>
    public override string ToString() => Cues.ToString();
}

/// <summary>One timed line of a transcript.</summary>
public sealed class TikTokTranscriptCue
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
