using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Gets TikTok sounds: songs and original sounds that videos use.</para>
/// <para type="description">Looks up each sound (one credit each) and writes its title, authors, album, length and how many videos use it. Pipe the result into Get-KonbiniTikTokVideo to list those videos.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "KonbiniTikTokAudio")]
[OutputType(typeof(TikTokAudio), typeof(PSObject))]
public sealed class GetKonbiniTikTokAudioCommand : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The sounds: IDs such as 6931290927570946049, or sound URLs such as https://www.tiktok.com/music/original-sound-6931290927570946049. Takes pipeline input, and binds properties or CSV columns named AudioId, MusicId or SoundId.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MusicId", "SoundId")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] AudioId { get; set; } = Array.Empty<string?>();

    /// <inheritdoc />
    protected override string ActivityName => "Looking up TikTok sounds";

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => AudioId ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => TikTokOperations.Audio.Bind(input as string);
}
