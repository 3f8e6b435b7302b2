using Civic.Contracts.Hotline.V1;
using Civic.Defaults.Auth;
using Civic.Hotline.Calls;
using Civic.Hosting.Grpc;
using Civic.Hosting.Paging;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Civic.Hotline.Ideas;

/// <summary>civic.hotline.v1.IdeaService: directors (own department) and administrators change ideas; the board is public, its follow-up flags are not.</summary>
public sealed class IdeaGrpcService(IdeaBoard board, DepartmentScope scope) : IdeaService.IdeaServiceBase
{
    [AllowRoles(CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<RegisterIdeaResponse> RegisterIdea(RegisterIdeaRequest request, ServerCallContext context) =>
        new() { Idea = IdeaMapping.ToMessage(await board.RegisterAsync(context.User, request.BookingReference, request.Title, request.Description, context.CancellationToken), withFlag: true) };

    [AllowRoles(CivicRoles.Director, CivicRoles.Admin)]
    public override async Task<ChangeIdeaStatusResponse> ChangeIdeaStatus(ChangeIdeaStatusRequest request, ServerCallContext context) =>
        new() { Idea = IdeaMapping.ToMessage(await board.ChangeStatusAsync(context.User, request.Id, IdeaMapping.ToStatus(request.Status), request.DeclineReason, context.CancellationToken), withFlag: true) };

    [AllowAnonymous]
    public override async Task<ListIdeasResponse> ListIdeas(ListIdeasRequest request, ServerCallContext context)
    {
        var page = await board.ListAsync(PageRequests.Read(request.Page, IdeaBoard.ListScope), request.DepartmentId.Trim(), context.CancellationToken);
        var seesFlag = await scope.FlagsSeenByAsync(context.User, context.CancellationToken);
        var response = new ListIdeasResponse { Page = page.Info };
        response.Ideas.AddRange(page.Items.Select(idea => IdeaMapping.ToMessage(idea, seesFlag(idea.DepartmentId))));
        return response;
    }
}
