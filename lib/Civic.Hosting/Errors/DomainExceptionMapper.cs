using Civic.Contracts.Common.V1;
using Civic.Rpc.Server;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Status = Civic.Rpc.Status;
using StatusCode = Civic.Rpc.StatusCode;

namespace Civic.Hosting.Errors;

/// <summary>
/// Maps <see cref="DomainException"/>s to gRPC statuses: NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT,
/// FAILED_PRECONDITION and PERMISSION_DENIED. Each status carries a google.rpc.Status with an
/// ErrorInfo (domain <see cref="ErrorDomain"/>, reason a civic.common.v1.ErrorReason name) and a
/// LocalizedMessage in da-DK; validation errors add a BadRequest with one FieldViolation per field.
/// </summary>
public sealed class DomainExceptionMapper : IRpcExceptionMapper
{
    /// <summary>The google.rpc.ErrorInfo domain of every Civic error.</summary>
    public const string ErrorDomain = "civic.aalborg.dk";

    /// <summary>The locale of the google.rpc.LocalizedMessage.</summary>
    public const string DanishLocale = "da-DK";

    private static readonly EnumDescriptor ErrorReasons =
        CommonReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(ErrorReason));

    /// <inheritdoc />
    public Status? TryMap(Exception exception) => exception switch
    {
        ValidationException validation => Build(StatusCode.InvalidArgument, validation, ReasonOf(validation.Reason), BadRequestOf(validation)),
        NotFoundException notFound => Build(StatusCode.NotFound, notFound, ErrorReason.NotFound),
        AlreadyExistsException exists => Build(StatusCode.AlreadyExists, exists, ErrorReason.AlreadyExists),
        FailedPreconditionException precondition => Build(StatusCode.FailedPrecondition, precondition, ErrorReason.WrongState),
        PermissionDeniedException denied => Build(StatusCode.PermissionDenied, denied, ErrorReason.NotAllowed),
        _ => null,
    };

    /// <summary>The name a reason has in the proto, e.g. "ERROR_REASON_NOT_FOUND", as sent in ErrorInfo.reason.</summary>
    public static string ReasonName(ErrorReason reason) =>
        ErrorReasons.FindValueByNumber((int)reason).Name;

    private static ErrorReason ReasonOf(ValidationReason reason) => reason switch
    {
        ValidationReason.PersonalDataInText => ErrorReason.PersonalDataInText,
        _ => ErrorReason.InvalidField,
    };

    private static BadRequest BadRequestOf(ValidationException validation)
    {
        var reason = ReasonName(ReasonOf(validation.Reason));
        var badRequest = new BadRequest();
        foreach (var violation in validation.Violations)
        {
            badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
            {
                Field = violation.Field,
                Description = violation.Description,
                Reason = reason,
                LocalizedMessage = new LocalizedMessage { Locale = DanishLocale, Message = violation.DanishDescription },
            });
        }

        return badRequest;
    }

    private static Status Build(StatusCode code, DomainException exception, ErrorReason reason, IMessage? extra = null)
    {
        var details = new Google.Rpc.Status { Code = (int)code, Message = exception.Message };
        if (extra is not null)
        {
            details.Details.Add(Any.Pack(extra));
        }

        details.Details.Add(Any.Pack(new ErrorInfo { Domain = ErrorDomain, Reason = ReasonName(reason) }));
        details.Details.Add(Any.Pack(new LocalizedMessage { Locale = DanishLocale, Message = exception.DanishMessage }));
        return new Status(code, exception.Message, details);
    }
}
