namespace Civic.Gateway.Api;

/// <summary>A finished JSON API response, kept as bytes so that an Idempotency-Key can replay it exactly.</summary>
public sealed record ApiResult(int Status, string ContentType, byte[] Body, string? Location = null, TimeSpan? RetryAfter = null, bool Replayed = false)
{
    public const string JsonContentType = "application/json; charset=utf-8";

    public async Task WriteAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.Response;
        response.StatusCode = Status;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (Replayed)
        {
            // As Stripe and the IETF draft's examples do: tells the client this is the stored first result.
            response.Headers["Idempotent-Replayed"] = "true";
        }

        if (Status == StatusCodes.Status401Unauthorized)
        {
            response.Headers.WWWAuthenticate = "Bearer";
        }

        response.ContentLength = Body.Length;
        // Not the request's token: a request cut off by its timeout still gets its (small, buffered) problem.
        await response.Body.WriteAsync(Body, CancellationToken.None);
    }
}
