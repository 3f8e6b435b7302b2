using System.Buffers;
using System.IO.Compression;

namespace Civic.Rpc.Protocol;

/// <summary>gzip for message payloads (grpc-encoding: gzip), bounded on the way in.</summary>
internal static class GzipCodec
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>
    /// Decompresses, refusing to inflate past <paramref name="maxSize"/> bytes (a small compressed
    /// message can expand enormously). Returns null when the limit is passed.
    /// </summary>
    /// <exception cref="InvalidDataException">The payload is not valid gzip.</exception>
    public static byte[]? Decompress(ReadOnlySequence<byte> data, int maxSize)
    {
        using var input = new MemoryStream(data.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxSize)
                {
                    return null;
                }

                output.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }
}
