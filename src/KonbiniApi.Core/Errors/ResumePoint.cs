namespace KonbiniApi.Errors;

/// <summary>Where one input of a stopped call can go on from: pass <see cref="Input"/> again with -Cursor <see cref="Cursor"/>.</summary>
public sealed class ResumePoint
{
    /// <summary>Creates a resume point.</summary>
    public ResumePoint(object? input, string? cursor)
    {
        Input = input;
        Cursor = cursor;
    }

    /// <summary>The input as it was given.</summary>
    public object? Input { get; }

    /// <summary>The cursor of the first page not read; null when nothing of this input was read.</summary>
    public string? Cursor { get; }

    /// <inheritdoc />
    public override string ToString() => Cursor is null ? Input + " (from the start)" : Input + " (cursor " + Cursor + ")";
}
