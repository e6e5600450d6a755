using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using KonbiniApi.Errors;
using KonbiniApi.Http;
using KonbiniApi.Input;
using KonbiniApi.Json;
using KonbiniApi.Models;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// <para type="synopsis">Saves TikTok videos as MP4 files.</para>
/// <para type="description">For each video, asks KonbiniAPI for a download link (one credit) and fetches the file from TikTok's CDN with a plain request that carries nothing of the key. Files are named username_videoId.mp4 in -Destination (videoId.mp4 when the creator is not known without another paid lookup), streamed to disk in constant memory under a temporary name and renamed only when complete. An existing file is kept unless -Force. Downloads run concurrently and finish in input order; a link that has expired is replaced once with a fresh one.</para>
/// </summary>
[Cmdlet(VerbsData.Save, "KonbiniTikTokVideo", DefaultParameterSetName = ToFolder, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class SaveKonbiniTikTokVideoCommand : KonbiniApiCmdletBase
{
    private const string ToFolder = "Destination";
    private const string ToFile = "Path";
    private long bytesSaved;
    private int planned;

    /// <summary>
    /// <para type="description">The videos to save: IDs or video URLs. Takes pipeline input, and binds properties or CSV columns named VideoId, so videos from Get-KonbiniTikTokVideo pipe straight in.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] VideoId { get; set; } = Array.Empty<string?>();

    /// <summary>
    /// <para type="description">The folder to save into (created if missing); defaults to the current location. Files are named username_videoId.mp4.</para>
    /// </summary>
    [Parameter(Position = 1, ParameterSetName = ToFolder)]
    [ValidateNotNullOrEmpty]
    public string? Destination { get; set; }

    /// <summary>
    /// <para type="description">The file to write, for a single video.</para>
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ToFile)]
    [ValidateNotNullOrEmpty]
    public string? Path { get; set; }

    /// <summary>
    /// <para type="description">The creator's handle, for the file name. Bound from the AuthorUsername property of piped videos; taken from a video URL when one is given.</para>
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("AuthorUsername")]
    [AllowNull]
    [AllowEmptyString]
    public string? Username { get; set; }

    /// <summary>
    /// <para type="description">Replaces a file that exists already. Without it, an existing file is an error (KonbiniApi.FileExists) and costs nothing.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>
    /// <para type="description">Writes a FileInfo for each saved file.</para>
    /// </summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <inheritdoc />
    protected override string ActivityName => "Saving TikTok videos";

    /// <inheritdoc />
    protected override long? BytesSaved => Interlocked.Read(ref bytesSaved);

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => VideoId ?? new string?[] { null };

    /// <inheritdoc />
    protected override LookupPlan Plan(object? input)
    {
        var text = input as string;
        OperationCall call;
        try
        {
            call = TikTokOperations.VideoDownload.Bind(text);
        }
        catch (KonbiniApiException refused) when (refused.Kind == ApiErrorKind.InvalidInput)
        {
            return LookupPlan.Refuse(refused);
        }

        var videoId = call.Value("videoId");
        if (ParameterSetName == ToFile && ++planned > 1)
        {
            return LookupPlan.Refuse(new KonbiniApiException(ApiErrorKind.InvalidInput, "-Path names one file, so it takes one video; video " + videoId + " was not saved. No request was made.")
            {
                Advice = "Use -Destination for several videos: each is saved as username_videoId.mp4 there.",
            });
        }

        var target = TargetPath(videoId, CreatorOf(text));
        if (!ShouldProcess(target, "Save TikTok video " + videoId))
        {
            return LookupPlan.Run(call.Key, videoId, true, static (_, _) => Task.CompletedTask);
        }

        if (!Force.IsPresent && File.Exists(target))
        {
            return LookupPlan.Refuse(new KonbiniApiException(ApiErrorKind.FileExists, "'" + target + "' exists already, so video " + videoId + " was not downloaded. No request was made."));
        }

        var folder = System.IO.Path.GetDirectoryName(target);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var client = Client;
        var downloader = new FileDownloader(client.Options);
        var overwrite = Force.IsPresent;
        var passThru = PassThru.IsPresent;
        return LookupPlan.Run(call.Key, videoId, true, async (item, token) =>
        {
            long saved;
            try
            {
                saved = await downloader.DownloadAsync(await LinkAsync(client, call, item, token).ConfigureAwait(false), target, overwrite, Count, token).ConfigureAwait(false);
            }
            catch (DownloadLinkExpiredException expired)
            {
                item.Report("Video " + videoId + ": " + expired.Message + " Asking for a fresh link (one more credit).");
                try
                {
                    saved = await downloader.DownloadAsync(await LinkAsync(client, call, item, token).ConfigureAwait(false), target, overwrite, Count, token).ConfigureAwait(false);
                }
                catch (DownloadLinkExpiredException again)
                {
                    throw new KonbiniApiException(ApiErrorKind.PlatformError, "The CDN refused a fresh download link for video " + videoId + " too: " + again.Message, innerException: again);
                }
            }

            item.Report("Video " + videoId + ": saved " + saved.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes to " + target + ".");
            item.Add(passThru ? new object?[] { new FileInfo(target) } : Array.Empty<object?>());
        });
    }

    private void Count(long bytes) => Interlocked.Add(ref bytesSaved, bytes);

    private static async Task<string> LinkAsync(KonbiniClient client, OperationCall call, IRequestObserver observer, CancellationToken token)
    {
        using var response = await client.GetAsync(call.PathFor(null, null), observer, token).ConfigureAwait(false);
        return ModelReader.Read<TikTokDownloadLink>(response.Data, response.RequestPath, "data").Url;
    }

    /// <summary>The creator, without another paid lookup: from a video URL, or the piped video's author.</summary>
    private string? CreatorOf(string? input)
    {
        if (input is not null && InputText.LooksLikeUrl(input.Trim(), "tiktok.com") &&
            InputText.TryReadUrl(input.Trim(), "tiktok.com", "TikTok", out var segments, out _) &&
            segments.Length > 0 && segments[0].StartsWith("@", StringComparison.Ordinal) &&
            TikTokUsername.TryParse(segments[0], out var fromUrl, out _))
        {
            return fromUrl;
        }

        return TikTokUsername.TryParse(Username, out var bound, out _) ? bound : null;
    }

    private string TargetPath(string videoId, string? creator)
    {
        if (ParameterSetName == ToFile)
        {
            return GetUnresolvedProviderPathFromPSPath(Path);
        }

        var folder = GetUnresolvedProviderPathFromPSPath(string.IsNullOrEmpty(Destination) ? "." : Destination);
        return System.IO.Path.Combine(folder, (creator is null ? string.Empty : creator + "_") + videoId + ".mp4");
    }
}
