using Civic.Gateway.Proxy;

namespace Civic.Gateway.Ui;

/// <summary>Tells browser requests from the gRPC and JSON traffic that shares the gateway.</summary>
public static class UiRequests
{
    /// <summary>Every version of the JSON API lives below this path.</summary>
    public const string ApiPathPrefix = "/api";

    /// <summary>gRPC calls pass straight through to the services and get none of the UI's middleware.</summary>
    public static bool IsGrpc(HttpContext context) => GrpcRequests.IsGrpc(context.Request);

    /// <summary>A request for a page or a static file: neither gRPC nor the JSON API.</summary>
    public static bool IsUi(HttpContext context) =>
        !IsGrpc(context) && !context.Request.Path.StartsWithSegments(ApiPathPrefix, StringComparison.OrdinalIgnoreCase);
}
