using System.Globalization;
using Civic.Bench.HotlineBurst;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;

// Usage: Civic.Bench.HotlineBurst <gateway h2c URL> <Hotline PostgreSQL connection string> [attempts] [clients] [slots] [capacity] [seed]
// bench/hotline-burst/run.sh starts the Hotline on PostgreSQL and the gateway, then runs this.
if (args.Length < 2)
{
    Console.Error.WriteLine("Usage: Civic.Bench.HotlineBurst <gateway h2c URL> <PostgreSQL connection string> [attempts=20000] [clients=500] [slots=100] [capacity=10] [seed=2026]");
    return 2;
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
var (attempts, clients, slots, capacity, seed) = (Arg(2, 20_000), Arg(3, 500), Arg(4, 100), Arg(5, 10), Arg(6, 2026));
var cancellation = CancellationToken.None;
var random = new Random(seed);

await using var database = NpgsqlDataSource.Create(args[1]);
var session = await BurstSession.CreateAsync(database, slots, capacity, random, cancellation);
var phones = Citizens.Phones(attempts, random);
using var channel = GrpcChannel.ForAddress(args[0], new GrpcChannelOptions
{
    // Several HTTP/2 connections, as many browsers' requests through a load balancer would arrive.
    HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true },
});

var departmentId = await FirstDepartmentAsync(database, cancellation);
// Warm-up: the JIT, connection pools and the gateway's routes, with the reference call only.
await BurstLoad.TrivialAsync(channel, departmentId, 2_000, clients, cancellation);
var (results, elapsed) = await BurstLoad.BookAsync(channel, session, phones, clients, random, cancellation);
var trivial = await BurstLoad.TrivialAsync(channel, departmentId, attempts, clients, cancellation);
var verification = await BurstVerification.CheckAsync(database, session, results, cancellation);

var latencies = results.Select(r => r.Milliseconds).Order().ToArray();
double Percentile(double p) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
var serverErrors = results.Count(r => r.Status is StatusCode.Internal or StatusCode.Unknown or StatusCode.DataLoss or StatusCode.Unimplemented);
var attemptsPerSecond = results.Count / elapsed.TotalSeconds;
var trivialPerSecond = trivial.Calls / trivial.Elapsed.TotalSeconds;
var ratio = attemptsPerSecond / trivialPerSecond;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    | measure | value |
    |---|---:|
    | seats (slots × capacity) | {session.Seats:N0} ({slots} × {capacity}) |
    | booking attempts (clients at once) | {results.Count:N0} ({clients}) |
    | confirmed bookings in the database | {verification.Confirmed:N0} |
    | clients told "booked" | {results.Count(r => r.Status == StatusCode.OK):N0} |
    | refused as full (FAILED_PRECONDITION) | {results.Count(r => r.Status == StatusCode.FailedPrecondition):N0} |
    | retries on transient errors (attempts that needed one) | {results.Sum(r => r.Tries - 1):N0} ({results.Count(r => r.Tries > 1):N0}) |
    | gave up after {6} tries | {results.Count(r => r.Status is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted or StatusCode.Aborted):N0} |
    | over capacity (slots with more bookings than seats) | {verification.OverCapacitySlots} |
    | duplicate bookings (same idempotency key / same phone) | {verification.DuplicateKeys} / {verification.DuplicatePhones} |
    | lost confirmations (told "booked", not in the database) | {verification.LostConfirmations} |
    | bookings no client heard about | {verification.UnheardBookings} |
    | slot counters that disagree with the bookings | {verification.CounterMismatches} |
    | server errors (INTERNAL, UNKNOWN, DATA_LOSS, UNIMPLEMENTED) | {serverErrors} |
    | attempts per second | {attemptsPerSecond:N0} |
    | attempt latency p50 / p99 (ms, with retries) | {Percentile(0.50):F1} / {Percentile(0.99):F1} |
    | trivial unary RPC through the gateway (GetDepartment), calls per second | {trivialPerSecond:N0} ({trivial.Failed} failed) |
    | booking throughput / trivial RPC throughput | {ratio:F2} × (target ≥ 0.25) |
    """));
foreach (var group in results.Where(r => r.Status is not (StatusCode.OK or StatusCode.FailedPrecondition)).GroupBy(r => (r.Status, r.Detail)).OrderByDescending(g => g.Count()).Take(10))
{
    Console.WriteLine($"other outcome: {group.Count()} × {group.Key.Status}: {group.Key.Detail}");
}

var met = verification.Confirmed == session.Seats && verification.OverCapacitySlots == 0 && verification.DuplicateKeys == 0 && verification.DuplicatePhones == 0
    && verification.LostConfirmations == 0 && serverErrors == 0 && ratio >= 0.25;
Console.WriteLine(met ? "All targets met." : "TARGETS MISSED.");
return met ? 0 : 1;

static async Task<string> FirstDepartmentAsync(NpgsqlDataSource database, CancellationToken cancellationToken)
{
    await using var command = database.CreateCommand("SELECT id FROM departments ORDER BY id LIMIT 1");
    return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("The Hotline has no department.");
}
