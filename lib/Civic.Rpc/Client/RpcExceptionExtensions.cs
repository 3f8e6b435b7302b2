using Google.Protobuf;

namespace Civic.Rpc.Client;

/// <summary>Reads the rich error model (google.rpc.Status and its details) out of a failed call.</summary>
public static class RpcExceptionExtensions
{
    /// <summary>The google.rpc.Status the server sent in grpc-status-details-bin, or null.</summary>
    public static Google.Rpc.Status? GetRpcStatus(this RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Status.Details;
    }

    /// <summary>The first detail of type <typeparamref name="T"/> (e.g. <see cref="Google.Rpc.BadRequest"/>), or null.</summary>
    public static T? GetDetail<T>(this RpcException exception)
        where T : class, IMessage<T>, new()
    {
        foreach (var detail in exception.GetRpcStatus()?.Details ?? [])
        {
            if (detail.TryUnpack<T>(out var unpacked))
            {
                return unpacked;
            }
        }

        return null;
    }

    /// <summary>The field violations of an INVALID_ARGUMENT, if the server sent them.</summary>
    public static Google.Rpc.BadRequest? GetBadRequest(this RpcException exception) => exception.GetDetail<Google.Rpc.BadRequest>();
}
