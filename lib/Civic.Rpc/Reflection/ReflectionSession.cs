using Google.Protobuf.Reflection;
using Grpc.Reflection.V1;
using RequestCase = Grpc.Reflection.V1.ServerReflectionRequest.MessageRequestOneofCase;

namespace Civic.Rpc.Reflection;

/// <summary>
/// Answers the requests of one reflection stream. File answers carry the file and its transitive
/// imports; an import already sent on this stream is not sent again (the requested file itself always
/// is), as grpc-go and grpc-dotnet do, so clients build their descriptor pool without duplicates.
/// </summary>
internal sealed class ReflectionSession(ReflectionDescriptorIndex index)
{
    private readonly HashSet<string> _sentFiles = new(StringComparer.Ordinal);

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = request.MessageRequestCase switch
        {
            RequestCase.ListServices => ListServices(),
            RequestCase.FileByFilename => FileResponse(
                index.FindFile(request.FileByFilename), $"File '{request.FileByFilename}' not found."),
            RequestCase.FileContainingSymbol => FileResponse(
                index.FindFileContainingSymbol(request.FileContainingSymbol), $"Symbol '{request.FileContainingSymbol}' not found."),
            RequestCase.FileContainingExtension => FileResponse(
                index.FindFileContainingExtension(request.FileContainingExtension.ContainingType, request.FileContainingExtension.ExtensionNumber),
                $"Extension {request.FileContainingExtension.ExtensionNumber} of type '{request.FileContainingExtension.ContainingType}' not found."),
            RequestCase.AllExtensionNumbersOfType => ExtensionNumbers(request.AllExtensionNumbersOfType),
            _ => Error(StatusCode.InvalidArgument,
                "The request asks nothing: set one of list_services, file_by_filename, file_containing_symbol, file_containing_extension or all_extension_numbers_of_type."),
        };
        response.ValidHost = request.Host;
        response.OriginalRequest = request;
        return response;
    }

    private ServerReflectionResponse ListServices()
    {
        var list = new ListServiceResponse();
        list.Service.AddRange(index.ServiceNames.Select(name => new ServiceResponse { Name = name }));
        return new ServerReflectionResponse { ListServicesResponse = list };
    }

    private ServerReflectionResponse ExtensionNumbers(string messageType)
    {
        if (index.FindExtensionNumbers(messageType) is not { } numbers)
        {
            return Error(StatusCode.NotFound, $"Message type '{messageType}' not found.");
        }

        var answer = new ExtensionNumberResponse { BaseTypeName = messageType };
        answer.ExtensionNumber.AddRange(numbers);
        return new ServerReflectionResponse { AllExtensionNumbersResponse = answer };
    }

    private ServerReflectionResponse FileResponse(FileDescriptor? file, string notFound)
    {
        if (file is null)
        {
            return Error(StatusCode.NotFound, notFound);
        }

        var answer = new FileDescriptorResponse();
        answer.FileDescriptorProto.Add(file.SerializedData);
        _sentFiles.Add(file.Name);

        // Breadth-first over the imports, skipping what this stream already has.
        var pending = new Queue<FileDescriptor>(file.Dependencies);
        while (pending.TryDequeue(out var dependency))
        {
            if (!_sentFiles.Add(dependency.Name))
            {
                continue;
            }

            answer.FileDescriptorProto.Add(dependency.SerializedData);
            foreach (var next in dependency.Dependencies)
            {
                pending.Enqueue(next);
            }
        }

        return new ServerReflectionResponse { FileDescriptorResponse = answer };
    }

    private static ServerReflectionResponse Error(StatusCode code, string message) => new()
    {
        ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message },
    };
}
