using Civic.Contracts.Common.V1;
using Civic.Hosting.Errors;
using Google.Rpc;
using Grpc.Core;

namespace Civic.Services.FunctionalTests.Infrastructure;

/// <summary>Checks a failed call's status and the rich details in grpc-status-details-bin.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsAsync(StatusCode code, Func<Task> call)
    {
        var exception = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, exception.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(exception.Status.Detail), "A failed call must say what went wrong.");
        return exception;
    }

    public static ErrorInfo ErrorInfo(RpcException exception, ErrorReason reason)
    {
        var info = exception.GetRpcStatus()?.GetDetail<ErrorInfo>();
        Assert.NotNull(info);
        Assert.Equal(RpcErrors.ErrorDomain, info.Domain);
        Assert.Equal(RpcErrors.ReasonName(reason), info.Reason);
        var danish = exception.GetRpcStatus()?.GetDetail<LocalizedMessage>();
        Assert.NotNull(danish);
        Assert.Equal("da-DK", danish.Locale);
        Assert.False(string.IsNullOrWhiteSpace(danish.Message));
        return info;
    }

    public static IReadOnlyList<string> ViolatedFields(RpcException exception)
    {
        var badRequest = exception.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.All(badRequest.FieldViolations, v =>
        {
            Assert.False(string.IsNullOrWhiteSpace(v.Description));
            Assert.Equal("da-DK", v.LocalizedMessage.Locale);
        });
        return badRequest.FieldViolations.Select(v => v.Field).ToList();
    }

    /// <summary>The subjects of the PreconditionFailure detail's violations of <paramref name="type"/>.</summary>
    public static IReadOnlyList<string> UnmetPreconditions(RpcException exception, string type)
    {
        var failure = exception.GetRpcStatus()?.GetDetail<PreconditionFailure>();
        Assert.NotNull(failure);
        Assert.All(failure.Violations, v =>
        {
            Assert.Equal(type, v.Type);
            Assert.False(string.IsNullOrWhiteSpace(v.Description));
        });
        return failure.Violations.Select(v => v.Subject).ToList();
    }
}
