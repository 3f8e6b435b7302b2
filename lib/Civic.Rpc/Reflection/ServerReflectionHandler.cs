using Civic.Rpc.Server;
using Google.Protobuf;
using V1 = Grpc.Reflection.V1;
using V1Alpha = Grpc.Reflection.V1Alpha;

namespace Civic.Rpc.Reflection;

/// <summary>
/// Serves gRPC server reflection in both versions clients use: <c>grpc.reflection.v1</c> and the older
/// <c>grpc.reflection.v1alpha</c>. The two protos are identical but for the package, so v1alpha
/// messages are re-read as v1 from their wire bytes and answered by the same code.
/// </summary>
internal sealed class ServerReflectionHandler(ReflectionDescriptorIndex index)
{
    public Task ServerReflectionInfo(
        IAsyncStreamReader<V1.ServerReflectionRequest> requestStream,
        IAsyncStreamWriter<V1.ServerReflectionResponse> responseStream,
        ServerCallContext context) =>
        AnswerAllAsync(requestStream, request => request, responseStream, response => response, context.CancellationToken);

    public Task ServerReflectionInfo(
        IAsyncStreamReader<V1Alpha.ServerReflectionRequest> requestStream,
        IAsyncStreamWriter<V1Alpha.ServerReflectionResponse> responseStream,
        ServerCallContext context) =>
        AnswerAllAsync(
            requestStream,
            request => Reparse(request, V1.ServerReflectionRequest.Parser),
            responseStream,
            response => Reparse(response, V1Alpha.ServerReflectionResponse.Parser),
            context.CancellationToken);

    private async Task AnswerAllAsync<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requests,
        Func<TRequest, V1.ServerReflectionRequest> toV1,
        IAsyncStreamWriter<TResponse> responses,
        Func<V1.ServerReflectionResponse, TResponse> fromV1,
        CancellationToken cancellationToken)
    {
        var session = new ReflectionSession(index);
        while (await requests.MoveNext(cancellationToken))
        {
            await responses.WriteAsync(fromV1(session.Answer(toV1(requests.Current))), cancellationToken);
        }
    }

    private static T Reparse<T>(IMessage message, MessageParser<T> parser)
        where T : IMessage<T> =>
        parser.ParseFrom(message.ToByteString());
}
