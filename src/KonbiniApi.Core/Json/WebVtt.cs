using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using KonbiniApi.Models;

namespace KonbiniApi.Json;

/// <summary>
/// Reads the cues of a WebVTT document: blocks of a timing line (<c>00:00:01.000 --> 00:00:02.500</c>)
/// and text. Headers, notes, styles and malformed blocks are passed over, so a transcript with
/// something unexpected in it still gives every cue that is well formed; the text itself is kept as sent.
/// SubRip files have the same blocks with a number line before the timing and a comma before the
/// milliseconds (<c>00:00:01,000</c>), so they read the same way.
/// </summary>
public static class WebVtt
{
    private const string Arrow = "-->";

    /// <summary>The cues in document order.</summary>
    public static IReadOnlyList<TikTokTranscriptCue> ReadCues(string? document) =>
        ReadTimedLines(document, static (start, end, text) => new TikTokTranscriptCue { Start = start, End = end, Text = text });

    /// <summary>The cues of a WebVTT or SubRip document in document order, each made by <paramref name="cue"/>.</summary>
    public static IReadOnlyList<T> ReadTimedLines<T>(string? document, Func<TimeSpan, TimeSpan, string, T> cue)
    {
        if (cue is null)
        {
            throw new ArgumentNullException(nameof(cue));
        }

        var cues = new List<T>();
        if (string.IsNullOrEmpty(document))
        {
            return cues;
        }

        var lines = document!.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var arrow = lines[i].IndexOf(Arrow, StringComparison.Ordinal);
            if (arrow < 0)
            {
                continue;
            }

            var endPart = lines[i].Substring(arrow + Arrow.Length).Trim();
            var space = endPart.IndexOf(' ');
            if (!TryTime(lines[i].Substring(0, arrow).Trim(), out var start) || !TryTime(space < 0 ? endPart : endPart.Substring(0, space), out var end))
            {
                continue;
            }

            var text = new StringBuilder();
            while (i + 1 < lines.Length && lines[i + 1].Trim().Length > 0)
            {
                i++;
                text.Append(text.Length == 0 ? string.Empty : "\n").Append(lines[i].Trim());
            }

            cues.Add(cue(start, end, text.ToString()));
        }

        return cues;
    }

    /// <summary>Reads <c>hh:mm:ss.ttt</c> or <c>mm:ss.ttt</c>, with a comma instead of the point in SubRip.</summary>
    private static bool TryTime(string text, out TimeSpan time)
    {
        time = TimeSpan.Zero;
        text = text.Replace(',', '.');
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3)
        {
            return false;
        }

        var hours = 0;
        if (parts.Length == 3 && !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out hours))
        {
            return false;
        }

        if (!int.TryParse(parts[parts.Length - 2], NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) ||
            !decimal.TryParse(parts[parts.Length - 1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) ||
            minutes > 59 || seconds >= 60)
        {
            return false;
        }

        time = new TimeSpan(0, hours, minutes, 0) + TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return true;
    }
}
