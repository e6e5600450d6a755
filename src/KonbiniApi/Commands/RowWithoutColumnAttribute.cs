using System;
using System.Management.Automation;

namespace KonbiniApi.Commands;

/// <summary>
/// For a string parameter that takes pipeline input by value: a row (from Import-Csv or Select-Object) that
/// lacks this parameter's column but has <see cref="Instead"/> binds nothing here, rather than its text.
/// </summary>
/// <remarks>
/// PowerShell binds a piped object by value, converting it to text such as <c>@{CommentId=onflihe}</c>,
/// whenever no column bound the parameter by name. A CSV of comment IDs piped into
/// Get-KonbiniRedditComment would then ask for a post named after the row; with this attribute the row's
/// CommentId column binds -CommentId alone, as if it had been typed.
/// </remarks>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RowWithoutColumnAttribute : ArgumentTransformationAttribute
{
    /// <param name="column">The parameter's own column: a row that has it binds it by name.</param>
    /// <param name="instead">The column of another parameter of the same set that the row is meant for.</param>
    public RowWithoutColumnAttribute(string column, string instead)
    {
        Column = column;
        Instead = instead;
    }

    /// <summary>The parameter's own column.</summary>
    public string Column { get; }

    /// <summary>The column of the parameter the row is meant for.</summary>
    public string Instead { get; }

    /// <inheritdoc />
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        inputData is PSObject { BaseObject: PSCustomObject } row && row.Properties[Column] is null && row.Properties[Instead] is not null
            ? Array.Empty<string?>()
            : inputData;
}
