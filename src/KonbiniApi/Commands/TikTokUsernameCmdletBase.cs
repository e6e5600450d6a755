using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>
/// A TikTok list read for each username: the -Username parameter, bound from strings, properties and CSV
/// columns as everywhere in the module, and the one operation the cmdlet runs.
/// </summary>
public abstract class TikTokUsernameListCmdletBase : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The TikTok users: 'name', '@name', or a profile URL. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername, UniqueId or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>The operation each username is read with.</summary>
    protected abstract ApiOperation Operation { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => Operation.Bind(input as string);
}

/// <summary>A TikTok object looked up for each username (a profile, a live stream).</summary>
public abstract class TikTokUsernameLookupCmdletBase : KonbiniOperationCmdletBase
{
    /// <summary>
    /// <para type="description">The TikTok users: 'name', '@name', or a profile URL such as https://www.tiktok.com/@name?lang=en. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername, UniqueId or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "UniqueId", "User")]
    [AllowNull]
    [AllowEmptyString]
    [AllowEmptyCollection]
    public string?[] Username { get; set; } = Array.Empty<string?>();

    /// <summary>The operation each username is looked up with.</summary>
    protected abstract ApiOperation Operation { get; }

    /// <inheritdoc />
    protected override IReadOnlyList<object?> CurrentInputs() => Username ?? new string?[] { null };

    /// <inheritdoc />
    protected override OperationCall Bind(object? input) => Operation.Bind(input as string);
}
