using KonbiniApi.Input;

namespace KonbiniApi.Operations;

/// <summary>One value an operation takes from its input: its name on the wire, its kind, and whether it goes in the path or the query.</summary>
public sealed class OperationParameter
{
    private OperationParameter(string name, IdentifierKind kind, bool inPath)
    {
        Name = name;
        Kind = kind;
        InPath = inPath;
    }

    /// <summary>The name in the route template or the query string.</summary>
    public string Name { get; }

    /// <summary>How the value is read and checked.</summary>
    public IdentifierKind Kind { get; }

    /// <summary>True for a path segment, false for a query value.</summary>
    public bool InPath { get; }

    /// <summary>A value sent as one path segment (<c>{name}</c> in the route).</summary>
    public static OperationParameter Path(string name, IdentifierKind kind) => new(name, kind, true);

    /// <summary>A value sent in the query string (<c>?name=</c>).</summary>
    public static OperationParameter Query(string name, IdentifierKind kind) => new(name, kind, false);
}
