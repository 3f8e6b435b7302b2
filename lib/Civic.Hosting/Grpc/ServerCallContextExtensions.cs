using System.Security.Claims;
using Grpc.Core;

namespace Civic.Hosting.Grpc;

public static class ServerCallContextExtensions
{
    extension(ServerCallContext context)
    {
        /// <summary>The caller, as <see cref="RpcAuthorization"/> authenticated them (anonymous when no token was sent).</summary>
        public ClaimsPrincipal User => context.GetHttpContext().User;

        /// <summary>
        /// The call's metadata, like <see cref="ServerCallContext.RequestHeaders"/> but with every value
        /// of a repeated "-bin" key: the gRPC spec lets clients send them in one field joined by ","
        /// (grpc-js does) or as repeated fields, and Grpc.AspNetCore 2.85 decodes such a field as one
        /// base64 value and throws. Use this where a handler reads binary metadata.
        /// </summary>
        public Metadata RequestMetadata => ReadMetadata(context);
    }

    private static Metadata ReadMetadata(ServerCallContext context)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in context.GetHttpContext().Request.Headers)
        {
            if (key.StartsWith(':') || key is "content-type" or "te" || key.StartsWith("grpc-", StringComparison.Ordinal))
            {
                continue;
            }

            var binary = key.EndsWith(Metadata.BinaryHeaderSuffix, StringComparison.Ordinal);
            foreach (var value in values.SelectMany(v => binary ? (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [v ?? string.Empty]))
            {
                if (binary)
                {
                    metadata.Add(key, Convert.FromBase64String(PadBase64(value)));
                }
                else
                {
                    metadata.Add(key, value);
                }
            }
        }

        return metadata;
    }

    // gRPC allows unpadded base64 in -bin values.
    private static string PadBase64(string value) => (value.Length % 4) switch
    {
        2 => value + "==",
        3 => value + "=",
        _ => value,
    };
}
