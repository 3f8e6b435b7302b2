using Google.Protobuf;

namespace Civic.Rpc.Protocol;

/// <summary>The grpc-status-details-bin trailer: a serialized google.rpc.Status, base64 on the wire.</summary>
internal static class StatusDetails
{
    public static string Encode(Google.Rpc.Status details) =>
        Convert.ToBase64String(details.ToByteArray()).TrimEnd('=');

    public static Google.Rpc.Status? TryDecode(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var padding = (4 - (value.Length % 4)) % 4;
            var bytes = Convert.FromBase64String(padding == 0 ? value : value + new string('=', padding));
            return Google.Rpc.Status.Parser.ParseFrom(bytes);
        }
        catch (Exception e) when (e is FormatException or InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
