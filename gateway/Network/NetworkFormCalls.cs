using System.Globalization;
using Civic.Gateway.Ui.Localization;
using Google.Rpc;
using Grpc.Core;

namespace Civic.Gateway.Network;

/// <summary>The outcome of a call a form made: the response, or what the service said was wrong, in the reader's language.</summary>
public sealed record FormCallResult<T>(T? Response, string? Error, IReadOnlyList<(string Field, string Message)> Violations)
    where T : class;

/// <summary>
/// Calls the Network service for a form and keeps what the service said when it refused (an
/// over-budget approval, a past date …), so the page can show it; unlike the pages' read calls,
/// which only need to know that the service could not answer.
/// </summary>
public sealed partial class NetworkFormCalls(TimeProvider timeProvider, ILogger<NetworkFormCalls> logger)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<FormCallResult<T>> CallAsync<T>(HttpContext context, string rpc, Func<CallOptions, AsyncUnaryCall<T>> call, LocalText unavailable)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(unavailable);
        try
        {
            return new(await call(new CallOptions(deadline: timeProvider.GetUtcNow().UtcDateTime + Timeout, cancellationToken: context.RequestAborted)), null, []);
        }
        catch (RpcException exception) when (!context.RequestAborted.IsCancellationRequested)
        {
            Log.CallFailed(logger, rpc, exception.StatusCode);
            if (exception.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
            {
                return new(null, unavailable.Current, []);
            }

            var status = exception.GetRpcStatus();
            var english = UiCultures.IsEnglish(CultureInfo.CurrentUICulture);
            var message = english ? exception.Status.Detail : status?.GetDetail<LocalizedMessage>()?.Message ?? exception.Status.Detail;
            var violations = status?.GetDetail<BadRequest>()?.FieldViolations
                .Select(v => (v.Field, english || v.LocalizedMessage is null ? v.Description : v.LocalizedMessage.Message))
                .ToList() ?? [];
            return new(null, message, violations);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "A Network form's call to {Method} failed with {StatusCode}")]
        public static partial void CallFailed(ILogger logger, string method, StatusCode statusCode);
    }
}
