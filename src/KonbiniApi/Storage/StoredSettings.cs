using System;
using System.IO;
using System.Text;
using System.Text.Json;
using KonbiniApi.Session;

namespace KonbiniApi.Storage;

/// <summary>
/// The configuration saved with <c>Set-KonbiniConfiguration -Scope CurrentUser</c> (settings.json in
/// the configuration folder). It never holds the key or the proxy password.
/// </summary>
internal static class StoredSettings
{
    public const string FileName = "settings.json";

    /// <summary>The saved configuration over the defaults, or the defaults when nothing is saved.</summary>
    /// <exception cref="InvalidDataException">The file is there but unreadable.</exception>
    public static KonbiniConfiguration Load(out string? vault)
    {
        var configuration = new KonbiniConfiguration();
        vault = null;
        var path = ConfigurationFolder.File(FileName);
        if (!File.Exists(path))
        {
            return configuration;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            if (root.TryGetProperty("baseUri", out var baseUri) && baseUri.ValueKind == JsonValueKind.String)
            {
                configuration.BaseUri = new Uri(baseUri.GetString()!, UriKind.Absolute);
            }

            configuration.TimeoutSec = ReadInt(root, "timeoutSec") ?? configuration.TimeoutSec;
            configuration.RetryCount = ReadInt(root, "retryCount") ?? configuration.RetryCount;
            configuration.ThrottleLimit = ReadInt(root, "throttleLimit") ?? configuration.ThrottleLimit;
            if (root.TryGetProperty("creditWarningThreshold", out var threshold) && threshold.ValueKind == JsonValueKind.Number)
            {
                configuration.CreditWarningThreshold = threshold.GetInt64();
            }

            if (root.TryGetProperty("proxy", out var proxy) && proxy.ValueKind == JsonValueKind.String)
            {
                configuration.Proxy = new Uri(proxy.GetString()!, UriKind.Absolute);
            }

            configuration.NoProxy = root.TryGetProperty("noProxy", out var noProxy) && noProxy.ValueKind == JsonValueKind.True;
            if (root.TryGetProperty("vault", out var vaultName) && vaultName.ValueKind == JsonValueKind.String)
            {
                vault = vaultName.GetString();
            }

            configuration.Validate();
            return configuration;
        }
        catch (Exception failure) when (failure is JsonException or UriFormatException or FormatException or InvalidOperationException or ArgumentException)
        {
            throw new InvalidDataException("The saved KonbiniApi configuration '" + path + "' cannot be read (" + failure.Message + "); the defaults are used. Fix it, or save a new one with Set-KonbiniConfiguration -Scope CurrentUser.", failure);
        }
    }

    public static void Save(KonbiniConfiguration configuration, string? vault)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("baseUri", configuration.BaseUri.ToString());
            writer.WriteNumber("timeoutSec", configuration.TimeoutSec);
            writer.WriteNumber("retryCount", configuration.RetryCount);
            writer.WriteNumber("throttleLimit", configuration.ThrottleLimit);
            if (configuration.CreditWarningThreshold is long threshold)
            {
                writer.WriteNumber("creditWarningThreshold", threshold);
            }

            if (configuration.Proxy is not null)
            {
                writer.WriteString("proxy", configuration.Proxy.ToString());
            }

            writer.WriteBoolean("noProxy", configuration.NoProxy);
            if (!string.IsNullOrEmpty(vault))
            {
                writer.WriteString("vault", vault);
            }

            writer.WriteEndObject();
        }

        Write(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>Reads only the vault name (the key lookup needs nothing else).</summary>
    public static string? VaultName()
    {
        try
        {
            Load(out var vault);
            return vault;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static void Write(string json)
    {
        var folder = ConfigurationFolder.Ensure();
        var path = Path.Combine(folder, FileName);
        if (ConfigurationFolder.IsWindows)
        {
            File.WriteAllText(path, json, new UTF8Encoding(false));
        }
        else
        {
            UnixFiles.WritePrivateFile(path, json);
        }
    }

    private static int? ReadInt(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
