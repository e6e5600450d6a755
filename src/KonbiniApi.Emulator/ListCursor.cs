using System;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Globalization;

namespace KonbiniApi.Emulator;

/// <summary>Where the next page starts. Page numbers travel with the offset because the paging scenarios
/// (hole, hollow, fail on page K) are about pages, not positions, and a client may change its count.</summary>
internal readonly record struct ListPosition(long Offset, int Page)
{
    public static ListPosition Start { get; } = new(0, 1);
}

/// <summary>Opaque cursors: offset, page and a check bound to one collection, base64url-encoded. A cursor
/// from another collection, or any string the emulator did not issue, fails the check.</summary>
internal static class ListCursor
{
    public const string StartText = "0";
    private const int Length = 16;

    public static string Encode(string collection, ListPosition position)
    {
        Span<byte> bytes = stackalloc byte[Length];
        BinaryPrimitives.WriteInt64BigEndian(bytes, position.Offset);
        BinaryPrimitives.WriteInt32BigEndian(bytes[8..], position.Page);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[12..], Check(collection, position));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>A missing, empty or "0" cursor is the start.</summary>
    public static bool TryDecode(string collection, string? text, out ListPosition position)
    {
        position = ListPosition.Start;
        if (string.IsNullOrEmpty(text) || text == StartText)
        {
            return true;
        }

        Span<byte> bytes = stackalloc byte[Length + 2];
        if (text.Length != 22 || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != Length)
        {
            return false;
        }

        var candidate = new ListPosition(BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt32BigEndian(bytes[8..]));
        if (candidate.Offset < 0 || candidate.Page < 2 || BinaryPrimitives.ReadUInt32BigEndian(bytes[12..]) != Check(collection, candidate))
        {
            return false;
        }

        position = candidate;
        return true;
    }

    private static uint Check(string collection, ListPosition position) =>
        (uint)StableRandom.Hash(string.Create(CultureInfo.InvariantCulture, $"{collection}|{position.Offset}|{position.Page}"));
}
