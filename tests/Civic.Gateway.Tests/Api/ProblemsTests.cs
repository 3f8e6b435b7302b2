using System.Text.Json;
using Civic.Gateway.Api;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using StatusCode = Grpc.Core.StatusCode;

namespace Civic.Gateway.Tests.Api;

public sealed class ProblemsTests
{
    [Theory]
    [InlineData(StatusCode.InvalidArgument, 400)]
    [InlineData(StatusCode.OutOfRange, 400)]
    [InlineData(StatusCode.Unauthenticated, 401)]
    [InlineData(StatusCode.PermissionDenied, 403)]
    [InlineData(StatusCode.NotFound, 404)]
    [InlineData(StatusCode.AlreadyExists, 409)]
    [InlineData(StatusCode.FailedPrecondition, 409)]
    [InlineData(StatusCode.Aborted, 409)]
    [InlineData(StatusCode.ResourceExhausted, 429)]
    [InlineData(StatusCode.Cancelled, 499)]
    [InlineData(StatusCode.Unimplemented, 501)]
    [InlineData(StatusCode.Unavailable, 503)]
    [InlineData(StatusCode.DeadlineExceeded, 504)]
    [InlineData(StatusCode.Internal, 500)]
    [InlineData(StatusCode.Unknown, 500)]
    [InlineData(StatusCode.DataLoss, 500)]
    public void HttpStatusFor_EveryCode_TheDocumentedHttpStatus(StatusCode code, int expected)
    {
        Assert.Equal(expected, Problems.HttpStatusFor(code));

        var result = Problems.FromStatus(new Google.Rpc.Status { Code = (int)code, Message = "Noget gik galt." });
        var problem = JsonDocument.Parse(result.Body).RootElement;
        Assert.Equal(expected, result.Status);
        Assert.Equal(expected, problem.GetProperty("status").GetInt32());
        Assert.Equal("Noget gik galt.", problem.GetProperty("detail").GetString());
        Assert.StartsWith(Problems.TypeBase, problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromStatus_ResourceExhaustedWithRetryInfo_RetryAfter()
    {
        var details = new Google.Rpc.Status { Code = 8, Message = "For mange." };
        details.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)) }));

        var result = Problems.FromStatus(details);

        Assert.Equal(429, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Theory]
    [InlineData("director_name", "directorName")]
    [InlineData("name.da", "name.da")]
    [InlineData("page.page_token", "page.pageToken")]
    [InlineData("capacity_hours_per_month", "capacityHoursPerMonth")]
    public void JsonFieldPath_ProtoPath_LowerCamelCase(string proto, string json) =>
        Assert.Equal(json, Problems.JsonFieldPath(proto));
}
