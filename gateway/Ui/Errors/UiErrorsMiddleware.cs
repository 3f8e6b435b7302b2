using Microsoft.AspNetCore.Diagnostics;

namespace Civic.Gateway.Ui.Errors;

/// <summary>
/// Keeps the UI's error pages to the UI. For gRPC and the JSON API it switches the status code pages
/// off (they answer errors in their own formats). For pages it turns an unhandled exception into a
/// logged 500, which the status code pages then render as the error page in the reader's language.
/// </summary>
public sealed partial class UiErrorsMiddleware(RequestDelegate next, ILogger<UiErrorsMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!UiRequests.IsUi(context))
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
            {
                statusCodePages.Enabled = false;
            }

            await next(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            // The path only: a page's query string is never logged.
            Log.PageFailed(logger, exception, context.Request.Method, context.Request.Path);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Error, "Page {Method} {Path} failed")]
        public static partial void PageFailed(ILogger logger, Exception exception, string method, PathString path);
    }
}
