using System;
using System.Buffers;
using System.Threading;

namespace KonbiniApi.Http;

/// <summary>
/// An answer's bytes, in an array rented from the shared pool. A page of 35 videos is 100 KB and a search
/// page 300 KB: read into fresh arrays, each would be one or two allocations on the large object heap, and
/// those are what set off gen 2 collections on a long list.
/// </summary>
internal sealed class ResponseBody : IDisposable
{
    private byte[]? rented;

    public ResponseBody(int capacity) => rented = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 1));

    /// <summary>The rented array; bytes past <see cref="Length"/> are not the answer's.</summary>
    public byte[] Array => rented ?? throw new ObjectDisposedException(nameof(ResponseBody));

    /// <summary>How many bytes have been read.</summary>
    public int Length { get; private set; }

    /// <summary>Room left in the array.</summary>
    public int Free => Array.Length - Length;

    /// <summary>The bytes read; valid until disposed.</summary>
    public ReadOnlyMemory<byte> Memory => new(Array, 0, Length);

    /// <summary>Counts <paramref name="count"/> more bytes, written into the array at <see cref="Length"/>.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Moves the bytes into an array twice the size.</summary>
    public void Grow()
    {
        var current = Array;
        var bigger = ArrayPool<byte>.Shared.Rent(checked(current.Length * 2));
        Buffer.BlockCopy(current, 0, bigger, 0, Length);
        rented = bigger;
        ArrayPool<byte>.Shared.Return(current);
    }

    /// <summary>Gives the array back; only once, however often it is called, so no two renters ever share it.</summary>
    public void Dispose()
    {
        var array = Interlocked.Exchange(ref rented, null);
        if (array is not null)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
