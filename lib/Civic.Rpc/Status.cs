namespace Civic.Rpc;

/// <summary>The outcome of a call: a code, a message for a person, and optional rich details.</summary>
/// <param name="Code">The gRPC status code.</param>
/// <param name="Detail">The grpc-message: what went wrong and what to do about it.</param>
/// <param name="Details">The google.rpc.Status sent in grpc-status-details-bin, if any.</param>
public readonly record struct Status(StatusCode Code, string Detail, Google.Rpc.Status? Details = null)
{
    /// <summary>The status of a call that succeeded.</summary>
    public static readonly Status Ok = new(StatusCode.OK, string.Empty);

    /// <inheritdoc />
    public override string ToString() => $"Status(StatusCode=\"{Code}\", Detail=\"{Detail}\")";
}
