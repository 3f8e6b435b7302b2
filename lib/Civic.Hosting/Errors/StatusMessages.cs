using System.Text;
using Grpc.Core;

namespace Civic.Hosting.Errors;

/// <summary>Keeps a status message within what every client accepts in a header.</summary>
public static class StatusMessages
{
    private const string StatusDetailsKey = "grpc-status-details-bin";

    /// <summary>
    /// <paramref name="message"/> itself when it percent-encodes (as grpc-message is sent) to at most
    /// <paramref name="maxEncodedBytes"/>; else its longest start that does, followed by "…".
    /// </summary>
    public static string Shorten(string message, int maxEncodedBytes)
    {
        ArgumentNullException.ThrowIfNull(message);
        var used = 0;
        for (var i = 0; i < message.Length; i++)
        {
            var width = char.IsSurrogatePair(message, i) ? 2 : 1;
            used += EncodedBytes(message.AsSpan(i, width));
            if (used > maxEncodedBytes - EncodedBytes("…"))
            {
                return message[..i] + "…";
            }

            i += width - 1;
        }

        return message;
    }

    /// <summary>The trailers with the google.rpc.Status in grpc-status-details-bin carrying <paramref name="message"/> too.</summary>
    public static Metadata WithShortDetails(Metadata trailers, string message)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        var result = new Metadata();
        foreach (var entry in trailers)
        {
            if (entry.IsBinary && entry.Key == StatusDetailsKey)
            {
                var status = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
                status.Message = message;
                result.Add(StatusDetailsKey, Google.Protobuf.MessageExtensions.ToByteArray(status));
            }
            else if (entry.IsBinary)
            {
                result.Add(entry.Key, entry.ValueBytes);
            }
            else
            {
                result.Add(entry.Key, entry.Value);
            }
        }

        return result;
    }

    // Unreserved ASCII passes as it is; every other UTF-8 byte becomes "%XX".
    private static int EncodedBytes(ReadOnlySpan<char> text)
    {
        if (text.Length == 1 && text[0] is >= ' ' and <= '~' and not '%')
        {
            return 1;
        }

        return Encoding.UTF8.GetByteCount(text) * 3;
    }
}
