using Civic.Contracts.Common.V1;
using Civic.Hosting.Errors;
using Google.Rpc;
using StatusCode = Grpc.Core.StatusCode;

namespace Civic.Hosting.Tests.Errors;

public sealed class RpcErrorsTests
{
    public static TheoryData<Exception, StatusCode, string> Cases => new()
    {
        { new NotFoundException("No department has id 'x'.", "Ingen forvaltning med id 'x'."), StatusCode.NotFound, "ERROR_REASON_NOT_FOUND" },
        { new AlreadyExistsException("Code taken.", "Koden er taget."), StatusCode.AlreadyExists, "ERROR_REASON_ALREADY_EXISTS" },
        { new FailedPreconditionException("Wrong phase.", "Forkert fase."), StatusCode.FailedPrecondition, "ERROR_REASON_WRONG_STATE" },
        { new PermissionDeniedException("Not yours.", "Ikke din."), StatusCode.PermissionDenied, "ERROR_REASON_NOT_ALLOWED" },
        { new ConcurrencyConflictException("Changed meanwhile; reload.", "Ændret imens; hent igen."), StatusCode.Aborted, "ERROR_REASON_WRONG_STATE" },
        { new ValidationException("code", "Bad code.", "Forkert kode."), StatusCode.InvalidArgument, "ERROR_REASON_INVALID_FIELD" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FromException_DomainException_StatusWithErrorInfoAndDanishMessage(Exception exception, StatusCode code, string reason)
    {
        var details = RpcErrors.FromException(exception);

        Assert.NotNull(details);
        Assert.Equal((int)code, details.Code);
        Assert.Equal(exception.Message, details.Message);
        var info = details.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal("civic.aalborg.dk", info.Domain);
        Assert.Equal(reason, info.Reason);
        var localized = details.Details.Single(d => d.Is(LocalizedMessage.Descriptor)).Unpack<LocalizedMessage>();
        Assert.Equal("da-DK", localized.Locale);
        Assert.Equal(((DomainException)exception).DanishMessage, localized.Message);
    }

    [Fact]
    public void FromException_FailedPreconditionWithViolations_PreconditionFailureNamingEach()
    {
        var exception = new FailedPreconditionException("The case still needs: purpose.", "Sagen mangler: formål.",
            [new PreconditionViolation("CASE_CHECKLIST", "purpose", "The case needs: purpose.")]);

        var details = RpcErrors.FromException(exception)!;

        var failure = details.Details.Single(d => d.Is(PreconditionFailure.Descriptor)).Unpack<PreconditionFailure>();
        var violation = Assert.Single(failure.Violations);
        Assert.Equal(("CASE_CHECKLIST", "purpose", "The case needs: purpose."), (violation.Type, violation.Subject, violation.Description));
        Assert.DoesNotContain(RpcErrors.FromException(new FailedPreconditionException("Wrong phase.", "Forkert fase."))!.Details, d => d.Is(PreconditionFailure.Descriptor));
    }

    [Fact]
    public void FromException_ValidationException_BadRequestWithEveryFieldViolation()
    {
        var exception = new ValidationException(
        [
            new FieldViolation("name.da", "The Danish name is required.", "Det danske navn skal udfyldes."),
            new FieldViolation("topics[1]", "A topic is too long.", "Et emne er for langt."),
        ]);

        var details = RpcErrors.FromException(exception)!;

        var badRequest = details.Details.Single(d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        Assert.Collection(badRequest.FieldViolations,
            v =>
            {
                Assert.Equal("name.da", v.Field);
                Assert.Equal("The Danish name is required.", v.Description);
                Assert.Equal("Det danske navn skal udfyldes.", v.LocalizedMessage.Message);
                Assert.Equal("da-DK", v.LocalizedMessage.Locale);
            },
            v => Assert.Equal("topics[1]", v.Field));
    }

    [Fact]
    public void FromException_PersonalDataInText_ReasonNamesIt()
    {
        var exception = new FieldViolations().AddPersonalData("summary", "Looks like a CPR number.", "Ligner et CPR-nummer.");

        var thrown = Assert.Throws<ValidationException>(exception.ThrowIfAny);
        var details = RpcErrors.FromException(thrown)!;

        var info = details.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal(RpcErrors.ReasonName(ErrorReason.PersonalDataInText), info.Reason);
        Assert.Equal("ERROR_REASON_PERSONAL_DATA_IN_TEXT", info.Reason);
    }

    [Fact]
    public void FromException_OtherException_Null()
    {
        Assert.Null(RpcErrors.FromException(new InvalidOperationException("bug")));
    }
}
