using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using KonbiniApi.Input;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets the transcripts of TikTok videos.</para>
/// <para type="description">Writes each video's transcript in the language asked for (or as spoken, with 'original'): the WebVTT text as the API sends it, and its cues as objects with Start, End and Text. One credit per video. A video without a transcript in that language is a KonbiniApi.NotFound error that says so.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokTranscript")]
[OutputType(typeof(TikTokTranscript), typeof(PSObject))]
public sealed class GetKonbiniTikTokTranscriptCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The videos: IDs or video URLs. Takes pipeline input, and binds properties or CSV columns named VideoId, so videos from Get-KonbiniTikTokVideo pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] VideoId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The transcript's language: 'original' (the default: the language spoken) or a BCP 47 tag TikTok translates into, such as en-US, de-DE or ja-JP. Tab completion lists them all; any other value is refused before a request is made.</para>
    /// </summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(TranscriptLanguageCompleter))]
    public string Language { get; set; } = "original";

    /// <inheritdoc />
    protected override string ActivityName => "Getting TikTok transcripts";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => VideoId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.VideoTranscript.Bind(new[] { input as string, Language });

    /// <summary>Completes -Language from the languages the service accepts.</summary>
    public sealed class TranscriptLanguageCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            TikTokIdentifiers.TranscriptLanguages
                .Where(language => language.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                .Select(language => new CompletionResult(language, language, CompletionResultType.ParameterValue, language));
    }
}
