using System;
using System.Collections.Generic;
using System.Text.Json;
using KonbiniApi.Json;

namespace KonbiniApi.Operations;

/// <summary>Turns one JSON object of an answer (the <c>data</c> object, or one item of a page) into a model.</summary>
public abstract class ItemReader
{
    /// <summary>The model types this reader yields, for [OutputType] and documentation.</summary>
    public abstract IReadOnlyList<Type> ModelTypes { get; }

    /// <summary>Reads one object.</summary>
    /// <exception cref="Errors.KonbiniApiException">The object does not follow the contract.</exception>
    public abstract object Read(JsonElement element, string requestPath, string jsonPath);

    /// <summary>A reader for one declared model type.</summary>
    public static ItemReader Of<T>()
        where T : class => new ModelItemReader<T>();

    /// <summary>
    /// A reader for lists that mix types (search results): the object's <c>type</c> picks the model.
    /// A type the module does not know is a contract failure that names it.
    /// </summary>
    public static ItemReader Mixed(IReadOnlyDictionary<string, ItemReader> byType) => new MixedItemReader(byType);

    private sealed class ModelItemReader<T> : ItemReader
        where T : class
    {
        public override IReadOnlyList<Type> ModelTypes { get; } = new[] { typeof(T) };

        public override object Read(JsonElement element, string requestPath, string jsonPath) => ModelReader.Read<T>(element, requestPath, jsonPath);
    }

    private sealed class MixedItemReader : ItemReader
    {
        private readonly IReadOnlyDictionary<string, ItemReader> byType;

        public MixedItemReader(IReadOnlyDictionary<string, ItemReader> byType)
        {
            this.byType = byType;
            var types = new List<Type>();
            foreach (var reader in byType.Values)
            {
                foreach (var type in reader.ModelTypes)
                {
                    if (!types.Contains(type))
                    {
                        types.Add(type);
                    }
                }
            }

            ModelTypes = types;
        }

        public override IReadOnlyList<Type> ModelTypes { get; }

        public override object Read(JsonElement element, string requestPath, string jsonPath)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw ModelReader.Invalid(requestPath, jsonPath + " is " + ModelReader.Describe(element.ValueKind) + ", not an object");
            }

            if (!element.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                throw ModelReader.Invalid(requestPath, "the required field " + jsonPath + ".type is missing");
            }

            var name = type.GetString() ?? string.Empty;
            if (!byType.TryGetValue(name, out var reader))
            {
                throw ModelReader.Invalid(requestPath, jsonPath + ".type is '" + name + "', which this list is not documented to hold (" + string.Join(", ", byType.Keys) + ")");
            }

            return reader.Read(element, requestPath, jsonPath);
        }
    }
}
