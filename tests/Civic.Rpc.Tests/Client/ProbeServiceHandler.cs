using Civic.Rpc.Client;
using Civic.Rpc.Server;
using Civic.Testing.V1;

namespace Civic.Rpc.Tests.Client;

/// <summary>Where <see cref="ProbeServiceHandler"/> calls onward to, and what became of that onward call.</summary>
public sealed class ProbeTarget
{
    private readonly TaskCompletionSource _onwardStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<StatusCode> _onwardOutcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RpcClient Client { get; set; } = null!;

    /// <summary>Completes when Forward is about to make its onward call.</summary>
    public Task OnwardStarted => _onwardStarted.Task;

    /// <summary>The status the first onward call ended with.</summary>
    public Task<StatusCode> OnwardOutcome => _onwardOutcome.Task;

    internal void Started() => _onwardStarted.TrySetResult();

    internal void Record(StatusCode code) => _onwardOutcome.TrySetResult(code);
}

/// <summary>Serves <c>civic.testing.v1.ProbeService</c>: an onward call from inside a server call, and a header mirror.</summary>
public sealed class ProbeServiceHandler(ProbeTarget target)
{
    public async Task<UnaryCallResponse> Forward(UnaryCallRequest request, ServerCallContext context)
    {
        // No deadline and no token given on purpose: both must come from the call being served.
        target.Started();
        try
        {
            var response = await target.Client.UnaryAsync(TestMethods.UnaryCall, request);
            target.Record(StatusCode.OK);
            return response;
        }
        catch (RpcException exception)
        {
            target.Record(exception.StatusCode);
            throw;
        }
    }

    public Task<InspectHeadersResponse> InspectHeaders(InspectHeadersRequest request, ServerCallContext context)
    {
        var headers = context.GetHttpContext().Request.Headers;
        var response = new InspectHeadersResponse();
        foreach (var name in request.Names)
        {
            if (headers.TryGetValue(name, out var value))
            {
                response.Headers[name] = value.ToString();
            }
        }

        return Task.FromResult(response);
    }
}
