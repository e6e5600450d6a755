using System;

namespace KonbiniApi.Json;

/// <summary>
/// Marks a <c>[JsonRequired]</c> member that the contract requires to be present but allows to be null
/// (its type is "string or null"), such as a LinkedIn profile's <c>summary</c>. Without it, the model reader
/// takes a required member to mean present and not null.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PresentMayBeNullAttribute : Attribute
{
}
