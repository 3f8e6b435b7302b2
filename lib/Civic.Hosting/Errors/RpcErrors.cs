using Civic.Contracts.Common.V1;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Civic.Hosting.Errors;

/// <summary>
/// Builds the statuses Civic answers with: a google.rpc.Status carrying an ErrorInfo (domain
/// <see cref="ErrorDomain"/>, reason a civic.common.v1.ErrorReason name) and a LocalizedMessage in
/// da-DK; validation errors add a BadRequest with one FieldViolation per field. Domain exceptions map
/// to NOT_FOUND, ALREADY_EXISTS, INVALID_ARGUMENT, FAILED_PRECONDITION, PERMISSION_DENIED and ABORTED.
/// </summary>
public static class RpcErrors
{
    /// <summary>The google.rpc.ErrorInfo domain of every Civic error.</summary>
    public const string ErrorDomain = "civic.aalborg.dk";

    /// <summary>The locale of the google.rpc.LocalizedMessage.</summary>
    public const string DanishLocale = "da-DK";

    private static readonly EnumDescriptor ErrorReasons =
        CommonReflection.Descriptor.EnumTypes.Single(e => e.ClrType == typeof(ErrorReason));

    /// <summary>The status a domain exception stands for, or null for any other exception.</summary>
    public static Google.Rpc.Status? FromException(Exception exception) => exception switch
    {
        ValidationException validation => Build(StatusCode.InvalidArgument, validation.Message, validation.DanishMessage, ReasonOf(validation.Reason), BadRequestOf(validation)),
        NotFoundException notFound => Build(StatusCode.NotFound, notFound.Message, notFound.DanishMessage, ErrorReason.NotFound),
        AlreadyExistsException exists => Build(StatusCode.AlreadyExists, exists.Message, exists.DanishMessage, ErrorReason.AlreadyExists),
        FailedPreconditionException precondition => Build(StatusCode.FailedPrecondition, precondition.Message, precondition.DanishMessage, ErrorReason.WrongState, PreconditionFailureOf(precondition)),
        PermissionDeniedException denied => Build(StatusCode.PermissionDenied, denied.Message, denied.DanishMessage, ErrorReason.NotAllowed),
        ConcurrencyConflictException conflict => Build(StatusCode.Aborted, conflict.Message, conflict.DanishMessage, ErrorReason.WrongState),
        _ => null,
    };

    /// <summary>A status with an English message, its Danish translation and, when given, a reason and one more detail.</summary>
    public static Google.Rpc.Status Build(StatusCode code, string message, string danish, ErrorReason? reason = null, IMessage? extra = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        if (extra is not null)
        {
            status.Details.Add(Any.Pack(extra));
        }

        if (reason is { } known)
        {
            status.Details.Add(Any.Pack(new ErrorInfo { Domain = ErrorDomain, Reason = ReasonName(known) }));
        }

        status.Details.Add(Any.Pack(new LocalizedMessage { Locale = DanishLocale, Message = danish }));
        return status;
    }

    /// <summary>The name a reason has in the proto, e.g. "ERROR_REASON_NOT_FOUND", as sent in ErrorInfo.reason.</summary>
    public static string ReasonName(ErrorReason reason) =>
        ErrorReasons.FindValueByNumber((int)reason).Name;

    private static ErrorReason ReasonOf(ValidationReason reason) => reason switch
    {
        ValidationReason.PersonalDataInText => ErrorReason.PersonalDataInText,
        _ => ErrorReason.InvalidField,
    };

    private static PreconditionFailure? PreconditionFailureOf(FailedPreconditionException precondition)
    {
        if (precondition.Violations.Count == 0)
        {
            return null;
        }

        var failure = new PreconditionFailure();
        failure.Violations.AddRange(precondition.Violations.Select(v => new PreconditionFailure.Types.Violation { Type = v.Type, Subject = v.Subject, Description = v.Description }));
        return failure;
    }

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
}
