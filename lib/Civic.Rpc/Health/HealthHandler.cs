using Civic.Rpc.Server;
using Grpc.Health.V1;
using Microsoft.Extensions.Options;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Civic.Rpc.Health;

/// <summary>
/// Serves <c>grpc.health.v1.Health</c> (grpc/grpc doc/health-checking.md). The whole server ("") and
/// every served service share one status: SERVING while the readiness checks pass, NOT_SERVING when
/// they fail or the application is shutting down, so load balancers and Kubernetes probes drain it.
/// </summary>
internal sealed class HealthHandler(
    RpcReadiness readiness, RpcServiceRegistry registry, TimeProvider timeProvider, IOptions<RpcHealthOptions> options)
{
    private readonly TimeSpan _watchInterval = options.Value.WatchInterval;

    public async Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context)
    {
        if (!IsKnown(request.Service))
        {
            throw new RpcException(new Status(StatusCode.NotFound, UnknownServiceMessage(request.Service)));
        }

        return Response(await CurrentStatusAsync(context.CancellationToken));
    }

    public async Task<HealthListResponse> List(HealthListRequest request, ServerCallContext context)
    {
        var status = await CurrentStatusAsync(context.CancellationToken);
        var response = new HealthListResponse();
        response.Statuses.Add(string.Empty, Response(status));
        foreach (var service in registry.Services)
        {
            response.Statuses.Add(service.FullName, Response(status));
        }

        return response;
    }

    /// <summary>
    /// Sends the status now and then whenever it changes. An unknown service gets SERVICE_UNKNOWN and the
    /// call stays open, as the spec asks. When the application stops, watchers get NOT_SERVING at once
    /// and the call ends, so open watches do not hold up the graceful shutdown.
    /// </summary>
    public async Task Watch(HealthCheckRequest request, IAsyncStreamWriter<HealthCheckResponse> responseStream, ServerCallContext context)
    {
        var known = IsKnown(request.Service);
        var callEnded = context.CancellationToken;
        using var wakeUp = CancellationTokenSource.CreateLinkedTokenSource(callEnded, readiness.Stopping);
        ServingStatus? sent = null;
        while (true)
        {
            // Read before the status, so a shutdown that begins meanwhile still gets one more round.
            var stopping = readiness.Stopping.IsCancellationRequested;
            var status = known ? await CurrentStatusAsync(callEnded) : ServingStatus.ServiceUnknown;
            if (status != sent)
            {
                await responseStream.WriteAsync(Response(status), callEnded);
                sent = status;
            }

            if (stopping)
            {
                return;
            }

            try
            {
                await Task.Delay(_watchInterval, timeProvider, wakeUp.Token);
            }
            catch (OperationCanceledException) when (!callEnded.IsCancellationRequested)
            {
                // Woken by the shutdown: loop once more to send NOT_SERVING, then end.
            }
        }
    }

    private bool IsKnown(string service) => service.Length == 0 || registry.HasService(service);

    private async Task<ServingStatus> CurrentStatusAsync(CancellationToken cancellationToken) =>
        await readiness.IsReadyAsync(cancellationToken) ? ServingStatus.Serving : ServingStatus.NotServing;

    private static HealthCheckResponse Response(ServingStatus status) => new() { Status = status };

    private static string UnknownServiceMessage(string service) =>
        $"Service '{service}' is not served here; ask for \"\" (the whole server) or a full service name such as 'grpc.health.v1.Health'.";
}
