using System.Security.Cryptography;
using System.Text;
using Civic.Defaults.Auth;
using Microsoft.Extensions.Options;

namespace Civic.Gateway.Api.Idempotency;

/// <summary>
/// Idempotency-Key on requests that create something (IETF draft "The Idempotency-Key HTTP Header
/// Field"). The first result for a key, per caller and operation, is stored and replayed for every
/// retry, so nothing is created twice. The same key with a different body is refused (422); a
/// retry while the first request still runs waits for it a little, then gets 409. Results worth
/// retrying (401, 403, 408, 429 and 5xx) are not stored: the key is released for the next attempt.
/// </summary>
public sealed partial class IdempotentRequests(IIdempotencyStore store, IOptions<ApiOptions> options, TimeProvider timeProvider, ILogger<IdempotentRequests> logger)
{
    public const string HeaderName = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs <paramref name="run"/> at most once per key, caller and operation (method and path, e.g. "POST /api/v1/panel/cases").</summary>
    public async Task<ApiResult> RunAsync(HttpContext context, string operation, string key, byte[] body, Func<Task<ApiResult>> run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(run);
        if (!IsValidKey(key))
        {
            return Problems.Problem(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "Invalid Idempotency-Key",
                $"The {HeaderName} header must be 1 to {MaxKeyLength} visible ASCII characters, e.g. a UUID.");
        }

        var settings = options.Value;
        var caller = context.User.FindFirst(CivicClaims.Subject)?.Value ?? "anonymous";
        var storeKey = "idempotency:" + Hash($"{caller}\n{operation}\n{key}");
        var fingerprint = Hash(body);
        var lockTime = settings.CallTimeout + TimeSpan.FromSeconds(30);
        var giveUpAt = timeProvider.GetUtcNow() + settings.IdempotencyWait;
        var cancellationToken = context.RequestAborted;
        while (true)
        {
            var claim = await store.ClaimAsync(storeKey, fingerprint, lockTime, cancellationToken);
            if (claim.State != IdempotencyClaimState.Claimed && claim.Fingerprint != fingerprint)
            {
                return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
                    $"This {HeaderName} was used for a request with a different body. Use a new key for a new request.");
            }

            if (claim.State == IdempotencyClaimState.Completed)
            {
                Log.Replayed(logger, operation);
                var stored = claim.Response!;
                return new ApiResult(stored.Status, stored.ContentType, stored.Body, stored.Location, Replayed: true);
            }

            if (claim.State == IdempotencyClaimState.Claimed)
            {
                return await RunClaimedAsync(storeKey, fingerprint, settings.IdempotencyRetention, run);
            }

            if (timeProvider.GetUtcNow() >= giveUpAt)
            {
                return Problems.Problem(StatusCodes.Status409Conflict, "idempotency-key-in-progress", "Request in progress",
                    $"A request with this {HeaderName} is still being processed. Retry shortly to get its result.", TimeSpan.FromSeconds(1));
            }

            await Task.Delay(PollInterval, timeProvider, cancellationToken);
        }
    }

    private async Task<ApiResult> RunClaimedAsync(string storeKey, string fingerprint, TimeSpan retention, Func<Task<ApiResult>> run)
    {
        ApiResult? result = null;
        try
        {
            result = await run();
            return result;
        }
        finally
        {
            // The store is told even when the client has gone: the next retry must not wait for a lock.
            if (result is not null && IsFinal(result.Status))
            {
                await store.CompleteAsync(storeKey, fingerprint, new StoredResponse(result.Status, result.ContentType, result.Body, result.Location), retention, CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(storeKey, CancellationToken.None);
            }
        }
    }

    private static bool IsFinal(int status) =>
        status is >= 200 and < 500 and not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden
            or StatusCodes.Status408RequestTimeout or StatusCodes.Status429TooManyRequests or 499);

    private static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static string Hash(string text) => Hash(Encoding.UTF8.GetBytes(text));

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Replayed the stored result of {Operation} for a repeated Idempotency-Key")]
        public static partial void Replayed(ILogger logger, string operation);
    }
}
