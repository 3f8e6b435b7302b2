using System.Buffers.Binary;
using System.IO.Pipelines;
using Civic.Rpc.Server;
using Civic.Testing.V1;
using Google.Protobuf;

namespace Civic.Rpc.Tests.Server;

/// <summary>
/// Feeds random and mutated byte streams to the server's message reader. Every stream must end in a
/// message, a clean end of stream, or an <see cref="RpcException"/> with a protocol status — never
/// another exception and never a hang.
/// </summary>
public sealed class FrameReaderFuzzTests(TestServerFixture fixture) : IClassFixture<TestServerFixture>
{
    private const int Streams = 100_000;
    private const int MaxMessageSize = 4096;
    private static readonly StatusCode[] AllowedCodes = [StatusCode.Internal, StatusCode.ResourceExhausted];

    [Fact]
    public async Task ReadNextAsync_HundredThousandMutatedStreams_EveryOneEndsWithAStatus()
    {
        var random = new Random(20261122);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < Streams; i++)
        {
            var bytes = NextStream(random);
            var outcome = await ReadAllAsync(bytes, random, i % 2 == 0);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(Streams, outcomes.Values.Sum());
        // The generator must really reach both the happy path and the error paths.
        Assert.True(outcomes.GetValueOrDefault("ok") > Streams / 20, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(StatusCode.Internal)) > Streams / 20, Describe(outcomes));
        Assert.True(outcomes.GetValueOrDefault(nameof(StatusCode.ResourceExhausted)) > Streams / 100, Describe(outcomes));
    }

    [Fact]
    public async Task Server_ThreeThousandMutatedRequests_EveryResponseCarriesAGrpcStatus()
    {
        // The same generator through the whole server (Kestrel, middleware, handler). The streaming RPCs
        // only count payloads, so any status other than a protocol error would be the server's fault.
        string[] paths =
        [
            "/civic.testing.v1.TestService/StreamingInputCall",
            "/civic.testing.v1.TestService/FullDuplexCall",
        ];
        var random = new Random(7);
        var requests = Enumerable.Range(0, 3_000).Select(i => (Path: paths[i % paths.Length], Body: NextStream(random))).ToList();
        using var client = new RawGrpcClient(fixture.Server.Http2Address);
        var statuses = new System.Collections.Concurrent.ConcurrentBag<StatusCode>();

        await Parallel.ForEachAsync(
            requests,
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = TestContext.Current.CancellationToken },
            async (request, token) =>
            {
                var response = await client.SendAsync(request.Path, request.Body, headers: [("grpc-timeout", "5S")], cancellationToken: token);
                Assert.Equal(200, response.HttpStatus);
                statuses.Add(response.GrpcStatus ?? throw new Xunit.Sdk.XunitException($"No grpc-status for {request.Path}"));
            });

        Assert.Equal(requests.Count, statuses.Count);
        Assert.All(statuses, s => Assert.Contains(s, new[] { StatusCode.OK, StatusCode.Internal, StatusCode.ResourceExhausted }));
        Assert.DoesNotContain(fixture.Server.Logs.Entries, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    private static async Task<string> ReadAllAsync(byte[] bytes, Random random, bool requestCompressed)
    {
        var pipe = new Pipe();
        var reader = new ServerMessageReader<UnaryCallRequest>(pipe.Reader, UnaryCallRequest.Parser, requestCompressed, MaxMessageSize);
        await WriteInChunksAsync(pipe.Writer, bytes, random);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            while (await reader.ReadNextAsync(timeout.Token) is not null)
            {
            }

            return "ok";
        }
        catch (RpcException e)
        {
            Assert.Contains(e.StatusCode, AllowedCodes);
            Assert.False(string.IsNullOrWhiteSpace(e.Status.Detail));
            return e.StatusCode.ToString();
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The reader hung on a stream of {bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(64, bytes.Length)))}");
            throw;
        }
    }

    private static async Task WriteInChunksAsync(PipeWriter writer, byte[] bytes, Random random)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var chunk = Math.Min(bytes.Length - offset, 1 + random.Next(64));
            await writer.WriteAsync(bytes.AsMemory(offset, chunk));
            offset += chunk;
        }

        await writer.CompleteAsync();
    }

    private static byte[] NextStream(Random random)
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(0, 200)];
            random.NextBytes(noise);
            return noise;
        }

        var stream = new List<byte>();
        var messages = random.Next(0, 4);
        for (var m = 0; m < messages; m++)
        {
            stream.AddRange(ValidFrame(random));
        }

        var bytes = stream.ToArray();
        var mutations = random.Next(0, 4);
        for (var k = 0; k < mutations && bytes.Length > 0; k++)
        {
            bytes = Mutate(bytes, random);
        }

        return bytes;
    }

    private static byte[] ValidFrame(Random random)
    {
        var payload = new byte[random.Next(0, 64)];
        random.NextBytes(payload);
        var message = new UnaryCallRequest
        {
            Payload = ByteString.CopyFrom(payload),
            DelayMs = random.Next(0, 3),
            ViolationField = random.Next(2) == 0 ? "navn" : string.Empty,
            ResponseStatus = random.Next(3) == 0 ? new EchoStatus { Code = 3, Message = "Æ" } : null,
        }.ToByteArray();
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame, 5);
        return frame;
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var copy = bytes.ToList();
        switch (random.Next(7))
        {
            case 0: // flip a bit
                var i = random.Next(copy.Count);
                copy[i] ^= (byte)(1 << random.Next(8));
                break;
            case 1: // truncate
                var cut = random.Next(copy.Count);
                copy.RemoveRange(cut, copy.Count - cut);
                break;
            case 2: // insert random bytes
                var insert = new byte[random.Next(1, 16)];
                random.NextBytes(insert);
                copy.InsertRange(random.Next(copy.Count + 1), insert);
                break;
            case 3: // set the first frame's flag byte to something else
                copy[0] = (byte)random.Next(256);
                break;
            case 4: // set the first frame's length to a random, possibly huge, value
                if (copy.Count >= 5)
                {
                    var length = random.Next(3) == 0 ? (uint)random.Next() : (uint)random.Next(0, 200);
                    BinaryPrimitives.WriteUInt32BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(copy)[1..5], length);
                }

                break;
            case 5: // mark compressed (valid only when the stream declared gzip, and then the payload is not gzip)
                copy[0] = 1;
                break;
            default: // overwrite a byte
                copy[random.Next(copy.Count)] = (byte)random.Next(256);
                break;
        }

        return copy.ToArray();
    }

    private static string Describe(Dictionary<string, int> outcomes) =>
        string.Join(", ", outcomes.Select(kv => $"{kv.Key}={kv.Value}"));
}
