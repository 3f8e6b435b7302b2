using System.Collections.Concurrent;
using System.Diagnostics;
using Civic.Contracts.Hotline.V1;
using Grpc.Core;
using Grpc.Net.Client;

namespace Civic.Bench.HotlineBurst;

/// <summary>What one booking attempt ended with, as its client saw it.</summary>
public sealed record AttemptResult(StatusCode Status, string? Reference, string IdempotencyKey, int Tries, double Milliseconds, string? Detail);

/// <summary>
/// The burst: <c>attempts</c> citizens, each with their own phone number and idempotency key, book a random slot
/// through the gateway, <c>clients</c> at a time. A transient failure (UNAVAILABLE, DEADLINE_EXCEEDED,
/// RESOURCE_EXHAUSTED, ABORTED) is retried with the same key after a short pause, as a well-behaved client does.
/// </summary>
public static class BurstLoad
{
    private const int MaxTries = 6;

    private static readonly HashSet<StatusCode> Transient = [StatusCode.Unavailable, StatusCode.DeadlineExceeded, StatusCode.ResourceExhausted, StatusCode.Aborted];

    public static async Task<(IReadOnlyList<AttemptResult> Results, TimeSpan Elapsed)> BookAsync(
        GrpcChannel channel, BurstSession session, IReadOnlyList<string> phones, int clients, Random random, CancellationToken cancellationToken)
    {
        var client = new BookingService.BookingServiceClient(channel);
        var slotOf = phones.Select(_ => session.SlotIds[random.Next(session.SlotIds.Count)]).ToArray();
        var keys = phones.Select(_ => Guid.NewGuid().ToString("N")).ToArray();
        var results = new ConcurrentBag<AttemptResult>();
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < phones.Count)
            {
                results.Add(await AttemptAsync(client, slotOf[i], phones[i], keys[i], cancellationToken));
            }
        }));
        watch.Stop();
        return (results.ToList(), watch.Elapsed);
    }

    private static async Task<AttemptResult> AttemptAsync(BookingService.BookingServiceClient client, string slotId, string phone, string key, CancellationToken cancellationToken)
    {
        var request = new CreateBookingRequest
        {
            SlotId = slotId, Name = "Borger i belastningstest", Phone = phone, TopicKind = TopicKind.Question,
            Description = "Et spørgsmål til direktøren", Language = Contracts.Common.V1.Language.Danish, Consent = true, IdempotencyKey = key,
        };
        var watch = Stopwatch.StartNew();
        for (var tries = 1; ; tries++)
        {
            try
            {
                var response = await client.CreateBookingAsync(request, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30), cancellationToken: cancellationToken);
                return new AttemptResult(StatusCode.OK, response.Booking.Reference, key, tries, watch.Elapsed.TotalMilliseconds, null);
            }
            catch (RpcException exception) when (Transient.Contains(exception.StatusCode) && tries < MaxTries)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50 * tries * tries), cancellationToken);
            }
            catch (RpcException exception)
            {
                return new AttemptResult(exception.StatusCode, null, key, tries, watch.Elapsed.TotalMilliseconds, exception.Status.Detail);
            }
        }
    }

    /// <summary>The reference: the same number of calls of the cheapest Hotline read through the gateway, at the same concurrency.</summary>
    public static async Task<(int Calls, TimeSpan Elapsed, int Failed)> TrivialAsync(GrpcChannel channel, string departmentId, int calls, int clients, CancellationToken cancellationToken)
    {
        var client = new DepartmentService.DepartmentServiceClient(channel);
        var next = -1;
        var failed = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Increment(ref next) < calls)
            {
                try
                {
                    await client.GetDepartmentAsync(new GetDepartmentRequest { Id = departmentId }, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(30), cancellationToken: cancellationToken);
                }
                catch (RpcException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        watch.Stop();
        return (calls, watch.Elapsed, failed);
    }
}
