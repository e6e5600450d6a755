using System;
using System.Collections.Generic;
using System.Management.Automation;
using KonbiniApi.Operations;

namespace KonbiniApi.Commands;

/// <summary>An Instagram list read for each username: the -Username parameter and the one operation the cmdlet runs.</summary>
public abstract class InstagramUsernameListCmdletBase : KonbiniListCmdletBase
{
    /// <summary>
    /// <para type="description">The Instagram users: 'name', '@name', or a profile URL such as https://www.instagram.com/name/. Takes pipeline input, and binds properties or CSV columns named Username, Handle, PreferredUsername or User.</para>
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Handle", "PreferredUsername", "User")]
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
