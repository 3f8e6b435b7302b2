using Civic.Rpc.Reflection;
using Civic.Rpc.Tests.Health;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Civic.Rpc.Tests.Reflection;

/// <summary>Runs one reflection stream against the handler, as a client that sends its requests and half-closes.</summary>
internal static class ReflectionTestClient
{
    public static ServerReflectionHandler HandlerFor(params ServiceDescriptor[] services) => new(new ReflectionDescriptorIndex(services));

    public static async Task<IReadOnlyList<V1.ServerReflectionResponse>> AskV1Async(
        ServerReflectionHandler handler, params V1.ServerReflectionRequest[] requests)
    {
        using var call = new TestCall("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo");
        var responses = new RecordingStreamWriter<V1.ServerReflectionResponse>();
        await handler.ServerReflectionInfo(new FixedStreamReader<V1.ServerReflectionRequest>(requests), responses, call.Context);
        return responses.DrainUnread();
    }

    public static async Task<IReadOnlyList<V1Alpha.ServerReflectionResponse>> AskV1AlphaAsync(
        ServerReflectionHandler handler, params V1Alpha.ServerReflectionRequest[] requests)
    {
        using var call = new TestCall("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo");
        var responses = new RecordingStreamWriter<V1Alpha.ServerReflectionResponse>();
        await handler.ServerReflectionInfo(new FixedStreamReader<V1Alpha.ServerReflectionRequest>(requests), responses, call.Context);
        return responses.DrainUnread();
    }

    /// <summary>The names of the files in a file_descriptor_response, in the order sent.</summary>
    public static IReadOnlyList<string> FileNames(V1.ServerReflectionResponse response) =>
        response.FileDescriptorResponse.FileDescriptorProto.Select(bytes => FileDescriptorProto.Parser.ParseFrom(bytes).Name).ToList();

    /// <summary>
    /// Rebuilds descriptors from serialized FileDescriptorProtos, as a reflection client does: in
    /// dependency order, whatever order they were sent in.
    /// </summary>
    public static IReadOnlyList<FileDescriptor> Rebuild(IEnumerable<ByteString> serializedFiles)
    {
        var pending = serializedFiles.Select(bytes => (Bytes: bytes, Proto: FileDescriptorProto.Parser.ParseFrom(bytes))).ToList();
        var ordered = new List<ByteString>();
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(p => p.Proto.Dependency.All(placed.Contains));
            Assert.True(ready.Proto is not null, $"Missing dependencies for {string.Join(", ", pending.Select(p => p.Proto.Name))}.");
            ordered.Add(ready.Bytes);
            placed.Add(ready.Proto.Name);
            pending.Remove(ready);
        }

        return FileDescriptor.BuildFromByteStrings(ordered);
    }
}
