using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Rpc.Server;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Civic.Gateway.Tests.Authorization;

/// <summary>Deny by default: a service whose RPCs do not all declare who may call them does not start.</summary>
public sealed class RpcDeclarationTests
{
    [Fact]
    public void UseCivicRpc_RpcsWithoutDeclaration_StartUpFailsNamingEach()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Bind<UndeclaredHandler>());

        Assert.Contains("civic.hotline.v1.HotlineService/GetDepartment", exception.Message, StringComparison.Ordinal);
        Assert.Contains("civic.hotline.v1.HotlineService/CreateDepartment", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ListDepartments", exception.Message, StringComparison.Ordinal);
        Assert.Contains("[AllowRoles(...)]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseCivicRpc_UnknownRoleOrBothDeclarations_StartUpFails()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Bind<MisdeclaredHandler>());

        Assert.Contains("unknown roles (superuser)", exception.Message, StringComparison.Ordinal);
        Assert.Contains("both [AllowRoles] and [AllowAnonymous]", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UseCivicRpc_ClassLevelDeclaration_CoversEveryMethod()
    {
        var registry = Bind<ClassDeclaredHandler>();

        Assert.Contains(registry.Services, s => s.FullName == "civic.hotline.v1.HotlineService");
    }

    private static RpcServiceRegistry Bind<THandler>()
        where THandler : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddCivicRpc();
        builder.Services.AddCivicAuthentication(builder.Environment);
        builder.Services.AddCivicRpcAuthorization();
        builder.Services.AddRpcService<THandler>(HotlineReflection.Descriptor.Services[0]);
        using var app = builder.Build();
        app.UseCivicRpc();
        return app.Services.GetRequiredService<RpcServiceRegistry>();
    }

    private sealed class UndeclaredHandler
    {
        [AllowAnonymous]
        public Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        public Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        public Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());
    }

    private sealed class MisdeclaredHandler
    {
        [AllowRoles("superuser")]
        public Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        [AllowAnonymous]
        [AllowRoles(CivicRoles.Admin)]
        public Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        [AllowRoles(CivicRoles.Admin)]
        public Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());
    }

    [AllowRoles(CivicRoles.Admin)]
    private sealed class ClassDeclaredHandler
    {
        public Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context) => Task.FromResult(new ListDepartmentsResponse());

        public Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) => Task.FromResult(new GetDepartmentResponse());

        public Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) => Task.FromResult(new CreateDepartmentResponse());
    }
}
