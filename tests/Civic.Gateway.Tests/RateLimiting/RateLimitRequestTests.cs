using System.Net;
using System.Security.Claims;
using Civic.Gateway.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Civic.Gateway.Tests.RateLimiting;

public sealed class RateLimitRequestTests
{
    [Theory]
    [InlineData("POST", "/log-ind", null, false, RateLimitPolicy.Login)]
    [InlineData("POST", "/log-ind", null, true, RateLimitPolicy.Login)]
    [InlineData("GET", "/log-ind", null, false, RateLimitPolicy.Anonymous)]
    [InlineData("POST", "/api/v1/hotline/departments", "application/json", true, RateLimitPolicy.Create)]
    [InlineData("GET", "/api/v1/hotline/departments", null, true, RateLimitPolicy.Authenticated)]
    [InlineData("POST", "/civic.hotline.v1.DepartmentService/CreateDepartment", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.panel.v1.CaseService/CreateCase", "application/grpc+proto", true, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.network.v1.ProfileUpkeepService/ReportResourcePerson", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.network.v1.ProfileUpkeepService/ConfirmResourcePerson", "application/grpc", true, RateLimitPolicy.Authenticated)]
    [InlineData("POST", "/civic.hotline.v1.BookingService/HoldSlot", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.hotline.v1.DepartmentService/ListDepartments", "application/grpc", false, RateLimitPolicy.Anonymous)]
    // The Panel's anonymous sign-up and its confirmation, on every way in.
    [InlineData("POST", "/civic.panel.v1.PoolService/SignUp", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.panel.v1.PoolService/ConfirmSignUp", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.hotline.v1.BookingService/RequestSession", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/civic.hotline.v1.BookingService/JoinWaitlist", "application/grpc", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/api/v1/panel/members:sign-up", "application/json", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/api/v1/panel/members:confirm", "application/json", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/borgerpanelet/tilmeld", "application/x-www-form-urlencoded", false, RateLimitPolicy.Create)]
    [InlineData("POST", "/borgerpanelet/bekraeft/0192f0c4-0000-7000-8000-000000000001", "application/x-www-form-urlencoded", false, RateLimitPolicy.Create)]
    [InlineData("GET", "/borgerpanelet/tilmeld", null, false, RateLimitPolicy.Anonymous)]
    [InlineData("POST", "/civic.panel.v1.PoolService/GetSignUpForm", "application/grpc", false, RateLimitPolicy.Anonymous)]
    public void For_Request_PicksPolicy(string method, string path, string? contentType, bool signedIn, RateLimitPolicy expected)
    {
        var context = Context(method, path, contentType, signedIn);

        Assert.Equal(expected, RateLimitRequest.For(context).Policy);
    }

    [Fact]
    public void For_SignedInCaller_PartitionedBySubject()
    {
        Assert.Equal("sub:user-1", RateLimitRequest.For(Context("GET", "/", null, signedIn: true)).Partition);
    }

    [Fact]
    public void For_AnonymousCallerOrLogin_PartitionedByAddress()
    {
        Assert.Equal("ip:203.0.113.7", RateLimitRequest.For(Context("GET", "/", null, signedIn: false)).Partition);
        Assert.Equal("ip:203.0.113.7", RateLimitRequest.For(Context("POST", "/log-ind", null, signedIn: true)).Partition);
    }

    private static DefaultHttpContext Context(string method, string path, string? contentType, bool signedIn)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Request.ContentType = contentType;
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        if (signedIn)
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "user-1")], "Bearer"));
        }

        return context;
    }
}
