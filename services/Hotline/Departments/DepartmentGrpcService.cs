using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hosting.Paging;
using Civic.Hosting.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Hotline.Departments;

/// <summary>
/// civic.hotline.v1.DepartmentService: maps requests to the features and their results back to messages.
/// Departments are public (citizens choose whom to call without signing in); only administrators register them.
/// </summary>
public sealed class DepartmentGrpcService(DepartmentDirectory departments) : DepartmentService.DepartmentServiceBase
{
    [AllowAnonymous]
    public override async Task<ListDepartmentsResponse> ListDepartments(ListDepartmentsRequest request, ServerCallContext context)
    {
        var page = await departments.ListAsync(PageRequests.Read(request.Page, DepartmentDirectory.ListScope), context.CancellationToken);
        var response = new ListDepartmentsResponse { Page = page.Info };
        response.Departments.AddRange(page.Items.Select(DepartmentMapping.ToMessage));
        return response;
    }

    [AllowAnonymous]
    public override async Task<GetDepartmentResponse> GetDepartment(GetDepartmentRequest request, ServerCallContext context) =>
        new() { Department = DepartmentMapping.ToMessage(await departments.GetAsync(request.Id, context.CancellationToken)) };

    [AllowAnonymous]
    public override async Task<RouteTopicResponse> RouteTopic(RouteTopicRequest request, ServerCallContext context)
    {
        var route = await departments.RouteAsync(request.Topic, request.Unsure, context.CancellationToken);
        var response = new RouteTopicResponse { RoutedToUnsureDesk = route.ToUnsureDesk };
        response.Departments.AddRange(route.Departments.Select(DepartmentMapping.ToMessage));
        return response;
    }

    [AllowRoles(CivicRoles.Admin)]
    public override async Task<CreateDepartmentResponse> CreateDepartment(CreateDepartmentRequest request, ServerCallContext context) =>
        new() { Department = DepartmentMapping.ToMessage(await departments.CreateAsync(DepartmentMapping.ToNewDepartment(request), context.CancellationToken)) };
}
