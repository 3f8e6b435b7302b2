using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Gateway.Tests.Authorization;

/// <summary>
/// Deny by default: a service whose RPCs do not all declare who may call them does not start
/// (<see cref="RpcAccessRules.Build"/> throws when <see cref="CivicGrpcEndpointRouteBuilderExtensions.MapCivicGrpc"/> maps them).
/// </summary>
public sealed class RpcDeclarationTests
{
    [Fact]
    public void MapCivicGrpc_RpcWithoutDeclaration_StartUpFailsNamingIt()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Map<UndeclaredHandler>());

        Assert.Contains("/civic.hotline.v1.DepartmentService/", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ListDepartments", exception.Message, StringComparison.Ordinal);
        Assert.Contains("declares no authorisation", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[AllowRoles(...)]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapCivicGrpc_UnknownRole_StartUpFails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Map<UnknownRoleHandler>());

        Assert.Contains("unknown roles (superuser)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("/civic.hotline.v1.DepartmentService/ListDepartments", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapCivicGrpc_BothDeclarations_StartUpFails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Map<BothDeclaredHandler>());

        Assert.Contains("both [AllowRoles] and [AllowAnonymous]", exception.Message, StringComparison.Ordinal);
        Assert.Contains("/civic.hotline.v1.DepartmentService/GetDepartment", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapCivicGrpc_RpcNotImplemented_StartUpFails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Map<PartialHandler>());

        Assert.Contains("is not implemented by PartialHandler", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapCivicGrpc_ClassLevelDeclaration_CoversEveryMethod()
    {
        var rules = Map<ClassDeclaredHandler>();

        foreach (var method in new[] { "ListDepartments", "GetDepartment", "CreateDepartment" })
        {
            var rule = rules.Find($"/civic.hotline.v1.DepartmentService/{method}");
            Assert.NotNull(rule);
            Assert.False(rule.Anonymous);
            Assert.Equal([CivicRoles.Admin], rule.Roles);
        }

        Assert.True(rules.Find("/grpc.health.v1.Health/Check")?.Open);
    }

    [Fact]
    public void MapCivicGrpc_MethodDeclarations_AreReadPerRpc()
    {
        var rules = Map<DeclaredHandler>();

        Assert.True(rules.Find("/civic.hotline.v1.DepartmentService/ListDepartments")?.Anonymous);
        Assert.Equal([CivicRoles.Staff, CivicRoles.Admin], rules.Find("/civic.hotline.v1.DepartmentService/GetDepartment")?.Roles);
        Assert.Equal([CivicRoles.Admin], rules.Find("/civic.hotline.v1.DepartmentService/CreateDepartment")?.Roles);
    }

    /// <summary>Maps <typeparamref name="THandler"/> as a service does at start-up and returns the rules read.</summary>
    private static RpcAccessRules Map<THandler>()
        where THandler : DepartmentService.DepartmentServiceBase
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddCivicAuthentication(builder.Environment);
        builder.Services.AddCivicGrpcServer();
        builder.Services.AddGrpcService<THandler>();
        using var app = builder.Build();
        app.MapCivicGrpc();
        return app.Services.GetRequiredService<RpcAccessRulesProvider>().Rules;
    }

    private sealed class UndeclaredHandler : DepartmentService.DepartmentServiceBase
    {
        [AllowAnonymous]
        public override Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        public override Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        public override Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());

        [AllowAnonymous]
        public override Task<RouteTopicResponse> RouteTopic(RouteTopicRequest request, ServerCallContext context) => Task.FromResult(new RouteTopicResponse());
    }

    private sealed class UnknownRoleHandler : DepartmentService.DepartmentServiceBase
    {
        [AllowRoles("superuser")]
        public override Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        [AllowAnonymous]
        public override Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        [AllowRoles(CivicRoles.Admin)]
        public override Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());

        [AllowAnonymous]
        public override Task<RouteTopicResponse> RouteTopic(RouteTopicRequest request, ServerCallContext context) => Task.FromResult(new RouteTopicResponse());
    }

    private sealed class BothDeclaredHandler : DepartmentService.DepartmentServiceBase
    {
        [AllowAnonymous]
        public override Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        [AllowAnonymous]
        [AllowRoles(CivicRoles.Admin)]
        public override Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        [AllowRoles(CivicRoles.Admin)]
        public override Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());

        [AllowAnonymous]
        public override Task<RouteTopicResponse> RouteTopic(RouteTopicRequest request, ServerCallContext context) => Task.FromResult(new RouteTopicResponse());
    }

    [AllowRoles(CivicRoles.Admin)]
    private sealed class PartialHandler : DepartmentService.DepartmentServiceBase
    {
        public override Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());
    }

    [AllowRoles(CivicRoles.Admin)]
    private sealed class ClassDeclaredHandler : DepartmentService.DepartmentServiceBase
    {
        public override Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        public override Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        public override Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());

        public override Task<RouteTopicResponse> RouteTopic(RouteTopicRequest request, ServerCallContext context) => Task.FromResult(new RouteTopicResponse());
    }

    [AllowRoles(CivicRoles.Admin)]
    private sealed class DeclaredHandler : DepartmentService.DepartmentServiceBase
    {
        [AllowAnonymous]
        public override Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        [AllowRoles(CivicRoles.Staff, CivicRoles.Admin)]
        public override Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        public override Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());

        [AllowAnonymous]
        public override Task<RouteTopicResponse> RouteTopic(RouteTopicRequest request, ServerCallContext context) => Task.FromResult(new RouteTopicResponse());
    }
}
